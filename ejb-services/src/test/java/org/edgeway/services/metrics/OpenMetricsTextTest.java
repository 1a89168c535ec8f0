package org.edgeway.services.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenMetricsTextTest {

    @Test
    void familiesAreWrittenWithTypeUnitHelpAndCounterSuffixThenEof() {
        String text = OpenMetricsText.write(List.of(
                MetricFamily.gauge("edgeway_calls_active", "", "Calls now.", 2),
                MetricFamily.counter("edgeway_media_relayed_packets", "packets", "Packets.", 1500),
                new MetricFamily("edgeway_ice_passthrough_calls", MetricFamily.Type.COUNTER, "", "By \\ type\nnow.",
                        List.of(new MetricFamily.Sample(Map.of("call_type", "a\"b"), 3)))));
        assertEquals("""
                # TYPE edgeway_calls_active gauge
                # HELP edgeway_calls_active Calls now.
                edgeway_calls_active 2
                # TYPE edgeway_media_relayed_packets counter
                # UNIT edgeway_media_relayed_packets packets
                # HELP edgeway_media_relayed_packets Packets.
                edgeway_media_relayed_packets_total 1500
                # TYPE edgeway_ice_passthrough_calls counter
                # HELP edgeway_ice_passthrough_calls By \\\\ type\\nnow.
                edgeway_ice_passthrough_calls_total{call_type="a\\"b"} 3
                # EOF
                """, text);
    }
}
