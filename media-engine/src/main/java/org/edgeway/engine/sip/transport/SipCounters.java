package org.edgeway.engine.sip.transport;

import java.util.concurrent.atomic.LongAdder;

/** Counters of the SIP service since it started (the snapshot's {@code Counters}). */
public final class SipCounters {

    public final LongAdder requestsIn = new LongAdder();
    public final LongAdder responsesIn = new LongAdder();
    public final LongAdder malformed = new LongAdder();
    public final LongAdder challenges = new LongAdder();
    /** Messages dropped and connections refused by the per-source limits, and challenges not sent. */
    public final LongAdder rateLimited = new LongAdder();
}
