package org.edgeway.engine.turn;

import java.util.concurrent.atomic.LongAdder;

/** Service-wide counters; only off the relay fast path or on its error branches. */
final class TurnCounters {
    final LongAdder allocationsCreated = new LongAdder();
    final LongAdder allocationsDeleted = new LongAdder();
    final LongAdder requests = new LongAdder();
    final LongAdder errorResponses = new LongAdder();
    final LongAdder malformed = new LongAdder();
    final LongAdder rateLimited = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder tcpRefused = new LongAdder();

    TurnSnapshot.Counters snapshot() {
        return new TurnSnapshot.Counters(allocationsCreated.sum(), allocationsDeleted.sum(), requests.sum(),
                errorResponses.sum(), malformed.sum(), rateLimited.sum(), dropped.sum(), tcpRefused.sum());
    }
}
