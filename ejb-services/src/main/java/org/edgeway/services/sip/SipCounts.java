package org.edgeway.services.sip;

import java.io.Serializable;

/**
 * The SIP engine's counters since SIP started (Status &gt; Overview, GET /status/sip).
 *
 * @param requestsIn  requests received
 * @param responsesIn responses received
 * @param malformed   messages answered 400/505/513 or dropped as unparseable
 * @param challenges  401/407 sent
 * @param rateLimited messages and connections refused by the per-source limits, challenges not sent
 */
public record SipCounts(long requestsIn, long responsesIn, long malformed, long challenges, long rateLimited)
        implements Serializable {
}
