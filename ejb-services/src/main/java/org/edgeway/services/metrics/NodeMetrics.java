package org.edgeway.services.metrics;

import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.edgeway.engine.EngineSnapshot;
import org.edgeway.engine.calls.CallComponent;
import org.edgeway.engine.calls.CallControl;
import org.edgeway.engine.calls.CallRecord;
import org.edgeway.engine.calls.IcePassthroughCallType;
import org.edgeway.engine.calls.MediaChannel;
import org.edgeway.engine.sip.SipService;
import org.edgeway.engine.turn.TurnService;
import org.edgeway.engine.turn.TurnSnapshot;
import org.edgeway.services.engine.EngineLifecycle;

/**
 * The node's metrics for scraping. Ended calls come from the call history, read incrementally (only records stored
 * since the last scrape, by id), so a scrape costs no scan of a large history; live values come from the engine.
 * Counters never go down: a call between its end and its history row (the history gathers ended calls for 100 ms)
 * is neither active nor stored, and the counter keeps its last value rather than look like a reset.
 */
@Singleton
public class NodeMetrics {

    @PersistenceContext
    private EntityManager em;
    @Inject
    private EngineLifecycle engine;

    /** History records up to this id are in the totals below. */
    private long historyUpTo;
    private final Map<IcePassthroughCallType, Long> endedByIceType = new EnumMap<>(IcePassthroughCallType.class);
    private long endedPackets;
    private long callsShown;
    private long packetsShown;

    /** The OpenMetrics text of every metric, {@code # EOF} terminated. */
    public String openMetrics() {
        readNewHistory();
        List<CallRecord> active = engine.findService(CallControl.class).map(CallControl::activeCalls)
                .orElse(List.of());
        long activePackets = 0;
        for (CallRecord call : active) {
            for (CallComponent c : call.components()) {
                activePackets += c.media().stream().mapToLong(MediaChannel::packets).sum();
            }
        }
        long ended = endedByIceType.values().stream().mapToLong(Long::longValue).sum();
        callsShown = Math.max(callsShown, ended + active.size());
        packetsShown = Math.max(packetsShown, endedPackets + activePackets);
        EngineSnapshot snapshot = engine.snapshot();
        TurnSnapshot turn = snapshot.service(TurnService.KEY);

        List<MetricFamily> families = new ArrayList<>();
        families.add(MetricFamily.gauge("edgeway_calls_active", "", "Calls now through this node.", active.size()));
        families.add(MetricFamily.counter("edgeway_calls", "", "Calls through this node: ended (call history) and"
                + " active.", callsShown));
        List<MetricFamily.Sample> ice = new ArrayList<>();
        for (IcePassthroughCallType type : IcePassthroughCallType.values()) {
            ice.add(new MetricFamily.Sample(Map.of("call_type", type.label()), endedByIceType.getOrDefault(type, 0L)));
        }
        families.add(new MetricFamily("edgeway_ice_passthrough_calls", MetricFamily.Type.COUNTER, "",
                "Ended calls by ICE passthrough call type (none: the media stayed on the node).", ice));
        families.add(MetricFamily.gauge("edgeway_turn_relays_active", "", "TURN relays (allocations) now active.",
                turn.activeRelays()));
        families.add(MetricFamily.counter("edgeway_turn_allocations", "", "TURN allocations created since TURN"
                + " started.", turn.counters().allocationsCreated()));
        families.add(MetricFamily.gauge("edgeway_sip_registrations", "", "SIP registrations now held.",
                snapshot.service(SipService.KEY).registrations().size()));
        families.add(MetricFamily.counter("edgeway_media_relayed_packets", "packets", "RTP and RTCP packets the"
                + " media relay received for calls, ended and active.", packetsShown));
        return OpenMetricsText.write(families);
    }

    private void readNewHistory() {
        Long max = em.createQuery("select max(c.id) from CallRecordEntry c", Long.class).getSingleResult();
        if (max == null || max <= historyUpTo) {
            return;
        }
        List<Object[]> counts = em.createQuery("select c.iceCallType, count(c) from CallRecordEntry c"
                + " where c.id > :after and c.id <= :upTo group by c.iceCallType", Object[].class)
                .setParameter("after", historyUpTo).setParameter("upTo", max).getResultList();
        for (Object[] row : counts) {
            endedByIceType.merge(IcePassthroughCallType.valueOf((String) row[0]), (Long) row[1], Long::sum);
        }
        Long packets = em.createQuery("select coalesce(sum(m.packets), 0) from CallRecordEntry c join c.components k"
                + " join k.media m where c.id > :after and c.id <= :upTo", Long.class)
                .setParameter("after", historyUpTo).setParameter("upTo", max).getSingleResult();
        endedPackets += packets;
        historyUpTo = max;
    }
}
