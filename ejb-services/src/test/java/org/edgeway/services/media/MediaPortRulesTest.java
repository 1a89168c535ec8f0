package org.edgeway.services.media;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.edgeway.engine.SystemSize;
import org.edgeway.engine.rtp.MediaConfig;
import org.edgeway.services.validation.InvalidSettingsException;
import org.junit.jupiter.api.Test;

class MediaPortRulesTest {

    private static final MediaConfig DEFAULTS = MediaConfig.defaults();
    private static final List<PortUse> SIP_5060 = List.of(PortUse.single(5060, "the SIP UDP port"),
            new PortUse(24000, 29999, "the TURN media port range"));

    private static TraversalSubzoneForm range(int start, int end) {
        TraversalSubzoneForm f = new TraversalSubzoneForm();
        f.setRangeStart(start);
        f.setRangeEnd(end);
        return f;
    }

    private static TraversalPortsForm demux(boolean yes, int rtp, int rtcp) {
        TraversalPortsForm f = new TraversalPortsForm();
        f.setUseConfiguredDemuxPorts(yes);
        f.setDemuxRtpPort(rtp);
        f.setDemuxRtcpPort(rtcp);
        return f;
    }

    private static Map<String, String> rangeErrors(TraversalSubzoneForm f, MediaConfig stored) {
        return assertThrows(InvalidSettingsException.class, () -> MediaPortRules.checkRange(f, stored, SIP_5060))
                .fieldErrors();
    }

    private static Map<String, String> demuxErrors(TraversalPortsForm f, SystemSize size) {
        return assertThrows(InvalidSettingsException.class,
                () -> MediaPortRules.checkDemux(f, DEFAULTS, size, SIP_5060)).fieldErrors();
    }

    @Test
    void theSeedDefaultsPass() {
        assertDoesNotThrow(() -> MediaPortRules.checkRange(new TraversalSubzoneForm(), DEFAULTS, SIP_5060));
        for (SystemSize size : SystemSize.values()) {
            assertDoesNotThrow(() -> MediaPortRules.checkDemux(new TraversalPortsForm(), DEFAULTS, size, SIP_5060));
        }
    }

    @Test
    void aRangeRunsForwardAndHoldsTheLargeReservedPortsAndACall() {
        assertEquals(Map.of("rangeEnd", "must be above the range start"), rangeErrors(range(40000, 40000), DEFAULTS));
        assertTrue(rangeErrors(range(40000, 40014), DEFAULTS).get("rangeEnd").startsWith("must leave at least 16"));
        assertDoesNotThrow(() -> MediaPortRules.checkRange(range(40000, 40015), DEFAULTS, SIP_5060));
    }

    @Test
    void aRangeMayNotTakeAnotherListenersPort() {
        assertEquals(Map.of("rangeEnd", "the range overlaps the SIP UDP port (5060)"),
                rangeErrors(range(5000, 6000), DEFAULTS));
        assertEquals(Map.of("rangeStart", "the range overlaps the TURN media port range (24000-29999)"),
                rangeErrors(range(25000, 31000), DEFAULTS));
    }

    @Test
    void aConfiguredPairInsideTheNewRangeMustBeItsFirst() {
        MediaConfig pair = DEFAULTS.withDemux(true, 40010, 40011);
        assertTrue(rangeErrors(range(40000, 41000), pair).containsKey("rangeStart"));
        assertDoesNotThrow(() -> MediaPortRules.checkRange(range(40010, 41000), pair, SIP_5060));
        assertDoesNotThrow(() -> MediaPortRules.checkRange(range(40012, 41000), pair, SIP_5060));
    }

    @Test
    void demultiplexingPortsAreEditableOnlyWhenConfiguredAndOnlyOnSmallOrMedium() {
        assertTrue(demuxErrors(demux(false, 2776, 2777), SystemSize.SMALL).containsKey("demuxRtpPort"));
        assertTrue(demuxErrors(demux(true, 2776, 2777), SystemSize.LARGE).containsKey("useConfiguredDemuxPorts"));
        assertDoesNotThrow(() -> MediaPortRules.checkDemux(demux(true, 2776, 2777), DEFAULTS, SystemSize.MEDIUM,
                SIP_5060));
    }

    @Test
    void aConfiguredPairIsRtpThenRtcpOutsideTheRangeOrItsFirstAndFree() {
        assertEquals(Map.of("demuxRtcpPort", "must be the port after the RTP port (2777)"),
                demuxErrors(demux(true, 2776, 2778), SystemSize.SMALL));
        assertTrue(demuxErrors(demux(true, 36010, 36011), SystemSize.SMALL).get("demuxRtpPort")
                .startsWith("must be the first port of the traversal media range (36000)"));
        assertEquals(Map.of("demuxRtpPort", "the pair overlaps the SIP UDP port (5060)"),
                demuxErrors(demux(true, 5059, 5060), SystemSize.SMALL));
        assertDoesNotThrow(() -> MediaPortRules.checkDemux(demux(true, 36000, 36001), DEFAULTS, SystemSize.SMALL,
                SIP_5060));
    }
}
