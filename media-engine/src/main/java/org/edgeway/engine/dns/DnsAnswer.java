package org.edgeway.engine.dns;

import java.time.Duration;
import java.util.List;

/**
 * What a server answered.
 *
 * @param server     the server that answered, "ip:port"
 * @param transport  "UDP", or "TCP" when the UDP answer was truncated
 * @param rcode      response code (0 NOERROR, 2 SERVFAIL, 3 NXDOMAIN ...)
 * @param answers    the answer section's records of known types
 * @param took       from the first query sent to the answer
 */
public record DnsAnswer(String server, String transport, int rcode, List<DnsRecord> answers, Duration took) {

    public DnsAnswer {
        answers = List.copyOf(answers);
    }

    /** RFC 1035 4.1.1 / RFC 6895 names. */
    public String rcodeName() {
        return switch (rcode) {
            case 0 -> "NOERROR";
            case 1 -> "FORMERR";
            case 2 -> "SERVFAIL";
            case 3 -> "NXDOMAIN";
            case 4 -> "NOTIMP";
            case 5 -> "REFUSED";
            default -> "RCODE " + rcode;
        };
    }
}
