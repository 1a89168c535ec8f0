package org.edgeway.engine.sip.registrar;

import java.time.Instant;
import java.util.List;
import org.edgeway.engine.sip.message.SipUri;
import org.edgeway.engine.sip.transport.Flow;

/**
 * One registered contact of an address of record (RFC 3261 10.3).
 *
 * @param addressOfRecord "sip:alice@example.com"
 * @param contact         the Contact URI
 * @param callId          Call-ID of the REGISTER that made or last refreshed it
 * @param cseq            its CSeq number
 * @param path            Path header values to reach it (RFC 3327), outermost first
 * @param flow            the flow it registered over (requests to it reuse the connection)
 * @param zone            zone it registered through
 * @param registeredAt    first registration
 * @param expiresAt       when it lapses
 */
public record Binding(String addressOfRecord, SipUri contact, String callId, long cseq, List<String> path, Flow flow,
        String zone, Instant registeredAt, Instant expiresAt) {

    public Binding {
        path = List.copyOf(path);
    }
}
