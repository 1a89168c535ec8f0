package org.edgeway.services.calls;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.edgeway.engine.EngineConfig;
import org.edgeway.engine.calls.CallStatus;
import org.edgeway.engine.calls.IceCandidatesOffered;
import org.edgeway.engine.calls.IcePassthroughCallType;
import org.edgeway.services.engine.EngineLifecycle;

/**
 * Status &gt; ICE Passthrough metrics and ICE Call Metrics History, computed from the stored call records: the
 * B2BUA connected calls (completed calls with a B2BUA leg) that started in each 24-hour interval, by ICE
 * passthrough call type, by who offered candidates and by whether the node was configured for passthrough. One peer column: this node (the view has room for the peers of a cluster).
 */
@Stateless
public class IcePassthroughMetrics {

    @PersistenceContext
    private EntityManager em;
    @Inject
    private EngineLifecycle engine;

    /** The most recent completed interval of each peer, as the metrics page shows it. */
    public IceMetricsView current() {
        String peer = peer();
        IceIntervalCounts counts = counts(IceIntervals.recent(restart(), Instant.now(), 1).get(0));
        return new IceMetricsView(List.of(peer), IceMetricRows.rows(List.of(new IceMetricRows.Column(peer, counts))));
    }

    /** Up to 60 intervals of this peer, most recent first, raw values; empty when the peer is not one of ours. */
    public Optional<List<IceIntervalCounts>> history(String peer) {
        if (!peer().equals(peer)) {
            return Optional.empty();
        }
        return Optional.of(IceIntervals.recent(restart(), Instant.now(), IceIntervals.HISTORY).stream()
                .map(this::counts).toList());
    }

    /** The peers of the metrics page (this node: its host name). */
    public List<String> peers() {
        return List.of(peer());
    }

    /** The page as CSV: one line per metric, a column per peer. */
    public String csv() {
        IceMetricsView view = current();
        StringBuilder b = new StringBuilder();
        for (IceMetricRow row : view.rows()) {
            List<String> fields = new java.util.ArrayList<>();
            fields.add(row.section());
            fields.add(row.label());
            fields.addAll(row.values());
            b.append(CallHistoryCsv.csv(fields));
        }
        return b.toString();
    }

    /** ICE Call Metrics History as CSV: one line per interval, most recent first. */
    public Optional<String> historyCsv(String peer) {
        return history(peer).map(intervals -> {
            StringBuilder b = new StringBuilder(CallHistoryCsv.csv(IceHistoryColumns.LABELS));
            intervals.forEach(i -> b.append(CallHistoryCsv.csv(IceHistoryColumns.values(i))));
            return b.toString();
        });
    }

    private IceIntervalCounts counts(IceIntervals.Interval interval) {
        List<Object[]> groups = em.createQuery("select c.iceCallType, c.iceCandidates, c.iceConfigured, count(c)"
                + " from CallRecordEntry c"
                + " where c.b2bua = true and c.status = :completed and c.startTime >= :start and c.startTime < :end"
                + " group by c.iceCallType, c.iceCandidates, c.iceConfigured", Object[].class)
                .setParameter("completed", CallStatus.COMPLETED.name())
                .setParameter("start", interval.start()).setParameter("end", interval.end()).getResultList();
        Map<IcePassthroughCallType, Long> type = new EnumMap<>(IcePassthroughCallType.class);
        Map<IceCandidatesOffered, Long> offered = new EnumMap<>(IceCandidatesOffered.class);
        long configured = 0;
        long offeredWithoutConfiguration = 0;
        for (Object[] g : groups) {
            IceCandidatesOffered candidates = IceCandidatesOffered.valueOf((String) g[1]);
            boolean required = (Boolean) g[2];
            long n = (Long) g[3];
            type.merge(IcePassthroughCallType.valueOf((String) g[0]), n, Long::sum);
            offered.merge(candidates, n, Long::sum);
            configured += required ? n : 0;
            offeredWithoutConfiguration += !required && candidates != IceCandidatesOffered.NONE ? n : 0;
        }
        long all = type.values().stream().mapToLong(Long::longValue).sum();
        return new IceIntervalCounts(interval.start(), interval.end(), all,
                all - type.getOrDefault(IcePassthroughCallType.NONE, 0L),
                type.getOrDefault(IcePassthroughCallType.HOST_TO_HOST, 0L),
                type.getOrDefault(IcePassthroughCallType.HOST_TO_SRFLX, 0L),
                type.getOrDefault(IcePassthroughCallType.HOST_TO_RELAY, 0L),
                type.getOrDefault(IcePassthroughCallType.SRFLX_TO_SRFLX, 0L),
                type.getOrDefault(IcePassthroughCallType.SRFLX_TO_RELAY, 0L),
                type.getOrDefault(IcePassthroughCallType.RELAY_TO_RELAY, 0L), configured,
                offered.getOrDefault(IceCandidatesOffered.BOTH, 0L),
                offered.getOrDefault(IceCandidatesOffered.ONE_ENDPOINT, 0L),
                offered.getOrDefault(IceCandidatesOffered.NONE, 0L), offeredWithoutConfiguration);
    }

    private String peer() {
        EngineConfig applied = engine.appliedConfig();
        return applied == null ? "localhost" : applied.node().hostName();
    }

    /** When this server (its JVM) last started. */
    private static Instant restart() {
        return Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    }

}
