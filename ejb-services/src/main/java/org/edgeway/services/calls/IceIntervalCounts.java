package org.edgeway.services.calls;

import java.time.Instant;

/**
 * The raw values of one peer's 24-hour interval (a row of ICE Call Metrics History): B2BUA connected calls, those
 * whose media took an optimised ICE path, and how many took each call type.
 */
public record IceIntervalCounts(Instant start, Instant end, long b2buaCalls, long optimizedCalls, long hostToHost,
        long hostToSrflx, long hostToRelay, long srflxToSrflx, long srflxToRelay, long relayToRelay) {

    /** B2BUA connected calls whose media stayed on the B2BUA path. */
    public long nonOptimizedCalls() {
        return b2buaCalls - optimizedCalls;
    }
}
