package org.edgeway.engine.sip.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Builds responses to requests (RFC 3261 8.2.6): the one place that knows reason phrases and header copying. */
public final class Responses {

    private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(100, "Trying"),
            Map.entry(200, "OK"), Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
            Map.entry(407, "Proxy Authentication Required"), Map.entry(408, "Request Timeout"),
            Map.entry(416, "Unsupported URI Scheme"), Map.entry(423, "Interval Too Brief"),
            Map.entry(480, "Temporarily Unavailable"), Map.entry(481, "Call/Transaction Does Not Exist"),
            Map.entry(482, "Loop Detected"), Map.entry(483, "Too Many Hops"), Map.entry(487, "Request Terminated"),
            Map.entry(500, "Server Internal Error"), Map.entry(501, "Not Implemented"),
            Map.entry(503, "Service Unavailable"), Map.entry(505, "Version Not Supported"),
            Map.entry(513, "Message Too Large"));

    private Responses() {
    }

    public static String reason(int status) {
        return REASONS.getOrDefault(status, status < 300 ? "OK" : "Error");
    }

    /** A response to a decoded request; a To tag is added to any response but 100 that lacks one. */
    public static SipMessage to(SipMessage request, int status, String reason) {
        return build(request.headers(), status, reason, status != 100 && request.to().tag() == null ? tag() : null);
    }

    /**
     * A response sent without a transaction (RFC 3261 8.2.7): its To tag is derived from the request, so that a
     * retransmitted request gets the same response again.
     */
    public static SipMessage toStateless(SipMessage request, int status) {
        String tag = null;
        if (request.to().tag() == null) {
            long high = (request.callId() + "|" + request.from().tag()).hashCode();
            long low = (request.topVia().branch() + "|" + request.cseq().number()).hashCode();
            tag = "sl" + Long.toHexString(high << 32 | (low & 0xffffffffL));
        }
        return build(request.headers(), status, reason(status), tag);
    }

    public static SipMessage to(SipMessage request, int status) {
        return to(request, status, reason(status));
    }

    /** A response built from the raw headers of a request the codec refused (no typed parsing). */
    public static SipMessage toRefused(List<Header> requestHeaders, int status, String detail) {
        return build(requestHeaders, status, reason(status) + " - " + detail.replaceAll("[\\r\\n]", " "), null);
    }

    private static SipMessage build(List<Header> request, int status, String reason, String toTag) {
        List<Header> headers = new ArrayList<>();
        for (Header h : request) {
            switch (h.name()) {
                case HeaderNames.VIA, HeaderNames.FROM, HeaderNames.CALL_ID, HeaderNames.CSEQ -> headers.add(h);
                case HeaderNames.TO -> headers.add(toTag != null ? new Header(h.name(), h.value() + ";tag=" + toTag) : h);
                case HeaderNames.RECORD_ROUTE -> {
                    if (status > 100 && status < 300) {
                        headers.add(h);
                    }
                }
                default -> {
                }
            }
        }
        return SipMessage.response(status, reason, headers, new byte[0]);
    }

    /** A fresh random tag or branch suffix. */
    public static String tag() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }
}
