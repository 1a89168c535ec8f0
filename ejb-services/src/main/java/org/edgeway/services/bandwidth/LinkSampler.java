package org.edgeway.services.bandwidth;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.edgeway.engine.calls.CallControl;
import org.edgeway.engine.calls.CallRecord;
import org.edgeway.services.engine.EngineLifecycle;

/**
 * Samples the relayed bytes of every active call every {@value #WINDOW_SECONDS} seconds and keeps the usage per
 * zone over the last window: a call's bytes since the previous sample, in kbps, on each link it crosses. A call
 * seen for the first time counts from the next sample; one that ended counts no more.
 */
@Singleton
@Startup
@DependsOn("Bootstrap")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class LinkSampler {

    static final int WINDOW_SECONDS = 2;

    @Inject
    private EngineLifecycle engine;

    /** Bytes per call serial number at the last sample. */
    private Map<String, Long> lastBytes = Map.of();
    private long lastNanos;
    private volatile Map<String, LinkUsage> usage = Map.of();

    @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    synchronized void sample() {
        List<CallRecord> calls = engine.findService(CallControl.class).map(CallControl::activeCalls)
                .orElse(List.of());
        long now = System.nanoTime();
        double seconds = lastNanos == 0 ? WINDOW_SECONDS : (now - lastNanos) / 1e9;
        Map<String, Long> bytes = new HashMap<>();
        Map<String, long[]> perZone = new HashMap<>(); // calls, bits
        for (CallRecord call : calls) {
            Set<String> zones = CallLinks.zones(call);
            if (zones.isEmpty()) {
                continue;
            }
            long total = CallLinks.bytes(call);
            bytes.put(call.serialNumber(), total);
            Long before = lastBytes.get(call.serialNumber());
            long bits = before == null ? 0 : Math.max(0, total - before) * 8;
            for (String zone : zones) {
                long[] z = perZone.computeIfAbsent(zone, k -> new long[2]);
                z[0]++;
                z[1] += bits;
            }
        }
        Map<String, LinkUsage> next = new HashMap<>();
        perZone.forEach((zone, z) -> next.put(zone, new LinkUsage(zone + LinkUsage.SUFFIX, zone, (int) z[0],
                Math.round(z[1] / seconds / 1000))));
        lastBytes = bytes;
        lastNanos = now;
        usage = Map.copyOf(next);
    }

    /** The usage of the last window by zone; zones without relayed calls are absent. */
    public Map<String, LinkUsage> usage() {
        return usage;
    }
}
