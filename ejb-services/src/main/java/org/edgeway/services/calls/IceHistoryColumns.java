package org.edgeway.services.calls;

import java.util.List;

/** The columns of ICE Call Metrics History (one parameter each, raw values), for its page and its CSV. */
public final class IceHistoryColumns {

    public static final List<String> LABELS = List.of("Start time", "End time", "B2BUA connected calls",
            "Calls with optimized ICE media paths", "Host to host", "Host to server reflexive", "Host to relay",
            "Server reflexive to server reflexive", "Server reflexive to relay", "Relay to relay",
            "Calls with non-optimized media paths", "Calls with required Expressway ICE configuration",
            "Calls attempted with offered ICE candidates", "Calls with ICE candidates offered by one endpoint",
            "Calls without ICE candidates",
            "Calls with ICE candidates offered but without required Expressway ICE configuration");

    private IceHistoryColumns() {
    }

    public static List<String> values(IceIntervalCounts i) {
        return List.of(IceMetricRows.time(i.start()), IceMetricRows.time(i.end()), Long.toString(i.b2buaCalls()),
                Long.toString(i.optimizedCalls()), Long.toString(i.hostToHost()), Long.toString(i.hostToSrflx()),
                Long.toString(i.hostToRelay()), Long.toString(i.srflxToSrflx()), Long.toString(i.srflxToRelay()),
                Long.toString(i.relayToRelay()), Long.toString(i.nonOptimizedCalls()),
                Long.toString(i.requiredConfiguration()), Long.toString(i.offeredByBoth()),
                Long.toString(i.offeredByOne()), Long.toString(i.withoutCandidates()),
                Long.toString(i.offeredWithoutConfiguration()));
    }
}
