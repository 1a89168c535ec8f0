package org.edgeway.services.calls;

import java.time.Instant;

/**
 * The raw values of one peer's 24-hour interval (a row of ICE Call Metrics History): B2BUA connected calls, those
 * whose media took an optimised ICE path, how many took each call type, and the B2BUA connected calls behind the
 * "Advanced" rows.
 *
 * @param requiredConfiguration       calls the node had the required ICE configuration for (passthrough On on its
 *                                    zones, TLS on both legs)
 * @param offeredByBoth               calls where both endpoints offered ICE candidates
 * @param offeredByOne                calls where only one did
 * @param withoutCandidates           calls where neither did
 * @param offeredWithoutConfiguration calls with candidates offered that the node was not configured to pass through
 */
@SuppressWarnings("java:S107") // one column each, as ICE Call Metrics History has them
public record IceIntervalCounts(Instant start, Instant end, long b2buaCalls, long optimizedCalls, long hostToHost,
        long hostToSrflx, long hostToRelay, long srflxToSrflx, long srflxToRelay, long relayToRelay,
        long requiredConfiguration, long offeredByBoth, long offeredByOne, long withoutCandidates,
        long offeredWithoutConfiguration) {

    /** Whether the interval saw ICE at all (optimised calls, or calls with candidates): else the page says N/A. */
    public boolean iceCalls() {
        return optimizedCalls > 0 || offeredByBoth > 0 || offeredByOne > 0;
    }

    /** B2BUA connected calls whose media stayed on the B2BUA path. */
    public long nonOptimizedCalls() {
        return b2buaCalls - optimizedCalls;
    }
}
