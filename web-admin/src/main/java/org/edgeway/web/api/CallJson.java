package org.edgeway.web.api;

import java.time.Instant;
import java.util.List;
import org.edgeway.services.calls.CallDetail;
import org.edgeway.services.calls.CallHistoryPage;
import org.edgeway.services.calls.CallLeg;
import org.edgeway.services.calls.CallMedia;
import org.edgeway.services.calls.CallRow;
import org.edgeway.services.calls.IceIntervalCounts;
import org.edgeway.services.calls.IceMetricRow;
import org.edgeway.services.calls.IceMetricsView;

/** What the API shows of calls: the lists, one page of the history, the call detail record, the ICE metrics. */
public final class CallJson {

    private CallJson() {
    }

    public record Call(String serialNumber, String tag, Instant startTime, Instant endTime, long durationSeconds,
            String sourceAlias, String destinationAlias, String protocol, String status, String disconnectReason,
            long bandwidthKbps, String iceCallType) {
        static Call of(CallRow r) {
            return new Call(r.serialNumber(), r.tag(), r.start(), r.end(), r.durationSeconds(), r.sourceAlias(),
                    r.destinationAlias(), r.protocol(), r.status(), r.disconnectReason(), r.bandwidthKbps(),
                    r.iceCallType());
        }
    }

    /**
     * {@code page} counts from 0; {@code total} is how many calls the filter matches, or with {@code totalExact}
     * false the least it matches (an alias search counts ten pages ahead).
     */
    public record Page(int page, int size, long total, boolean totalExact, String sort, List<Call> calls) {
        static Page of(int page, int size, String sort, CallHistoryPage p) {
            return new Page(page, size, p.total(), p.totalExact(), sort, p.rows().stream().map(Call::of).toList());
        }
    }

    public record Media(String name, String from, String to, long packets, long bytes, long lost,
            double jitterMillis) {
        static Media of(CallMedia m) {
            return new Media(m.name(), m.from(), m.to(), m.packets(), m.bytes(), m.lost(), m.jitterMillis());
        }
    }

    public record Component(String type, String sourceAddress, String destinationAddress, String sourceZone,
            String destinationZone, String encryption, List<Media> media) {
        static Component of(CallLeg l) {
            return new Component(l.type(), l.sourceAddress(), l.destinationAddress(), l.sourceZone(),
                    l.destinationZone(), l.encryption(), l.media().stream().map(Media::of).toList());
        }
    }

    public record Detail(Call call, List<Component> components) {
        static Detail of(CallDetail d) {
            return new Detail(Call.of(d.call()), d.components().stream().map(Component::of).toList());
        }
    }

    public record MetricRow(String section, String label, List<String> values) {
        static MetricRow of(IceMetricRow r) {
            return new MetricRow(r.section(), r.label(), r.values());
        }
    }

    /** Status &gt; ICE Passthrough metrics: a value per peer in each row. */
    public record Metrics(List<String> peers, List<MetricRow> rows) {
        static Metrics of(IceMetricsView v) {
            return new Metrics(v.peers(), v.rows().stream().map(MetricRow::of).toList());
        }
    }

    /** One interval of ICE Call Metrics History, raw values. */
    @SuppressWarnings("java:S107")
    public record MetricsInterval(Instant startTime, Instant endTime, long b2buaConnectedCalls,
            long optimizedCalls, long hostToHost, long hostToSrflx, long hostToRelay, long srflxToSrflx,
            long srflxToRelay, long relayToRelay, long nonOptimizedCalls, long requiredConfiguration,
            long offeredByBoth, long offeredByOne, long withoutCandidates, long offeredWithoutConfiguration) {
        static MetricsInterval of(IceIntervalCounts i) {
            return new MetricsInterval(i.start(), i.end(), i.b2buaCalls(), i.optimizedCalls(), i.hostToHost(),
                    i.hostToSrflx(), i.hostToRelay(), i.srflxToSrflx(), i.srflxToRelay(), i.relayToRelay(),
                    i.nonOptimizedCalls(), i.requiredConfiguration(), i.offeredByBoth(), i.offeredByOne(),
                    i.withoutCandidates(), i.offeredWithoutConfiguration());
        }
    }
}
