package org.edgeway.engine.sip.message;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Header names: compact forms (RFC 3261 7.3.3, 20), canonical spelling, and which headers are comma lists. */
public final class HeaderNames {

    public static final String VIA = "Via";
    public static final String FROM = "From";
    public static final String TO = "To";
    public static final String CALL_ID = "Call-ID";
    public static final String CSEQ = "CSeq";
    public static final String CONTACT = "Contact";
    public static final String MAX_FORWARDS = "Max-Forwards";
    public static final String CONTENT_LENGTH = "Content-Length";
    public static final String CONTENT_TYPE = "Content-Type";
    public static final String ROUTE = "Route";
    public static final String RECORD_ROUTE = "Record-Route";
    public static final String PATH = "Path";
    public static final String EXPIRES = "Expires";
    public static final String MIN_EXPIRES = "Min-Expires";
    public static final String AUTHORIZATION = "Authorization";
    public static final String PROXY_AUTHORIZATION = "Proxy-Authorization";
    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    public static final String PROXY_AUTHENTICATE = "Proxy-Authenticate";
    public static final String DATE = "Date";
    public static final String RETRY_AFTER = "Retry-After";
    public static final String SUPPORTED = "Supported";
    public static final String SERVER = "Server";

    private static final Map<String, String> COMPACT = Map.ofEntries(Map.entry("i", CALL_ID),
            Map.entry("m", CONTACT), Map.entry("e", "Content-Encoding"), Map.entry("l", CONTENT_LENGTH),
            Map.entry("c", CONTENT_TYPE), Map.entry("f", FROM), Map.entry("s", "Subject"), Map.entry("k", SUPPORTED),
            Map.entry("t", TO), Map.entry("v", VIA), Map.entry("o", "Event"), Map.entry("u", "Allow-Events"),
            Map.entry("r", "Refer-To"), Map.entry("b", "Referred-By"), Map.entry("x", "Session-Expires"),
            Map.entry("y", "Identity"));

    private static final Map<String, String> CANONICAL = canonical(VIA, FROM, TO, CALL_ID, CSEQ, CONTACT,
            MAX_FORWARDS, CONTENT_LENGTH, CONTENT_TYPE, ROUTE, RECORD_ROUTE, PATH, EXPIRES, MIN_EXPIRES,
            AUTHORIZATION, PROXY_AUTHORIZATION, WWW_AUTHENTICATE, PROXY_AUTHENTICATE, DATE, RETRY_AFTER, SUPPORTED,
            SERVER, "Subject", "Content-Encoding", "Allow", "Require", "Proxy-Require", "Unsupported", "Accept",
            "User-Agent", "Warning", "Event", "Allow-Events", "Refer-To", "Referred-By", "Session-Expires",
            "Identity");

    /** Headers whose values may be split at top-level commas (RFC 3261 7.3.1: those defined as #(values)). */
    private static final Set<String> LISTS = Set.of(VIA, CONTACT, ROUTE, RECORD_ROUTE, PATH, SUPPORTED, "Allow",
            "Require", "Proxy-Require", "Unsupported");

    private HeaderNames() {
    }

    private static Map<String, String> canonical(String... names) {
        java.util.HashMap<String, String> m = new java.util.HashMap<>();
        for (String n : names) {
            m.put(n.toLowerCase(Locale.ROOT), n);
        }
        return Map.copyOf(m);
    }

    /** The long, canonically spelled form of a received header name; unknown names are kept as received. */
    public static String canonical(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String full = COMPACT.get(lower);
        if (full != null) {
            return full;
        }
        return CANONICAL.getOrDefault(lower, name);
    }

    static boolean isList(String canonicalName) {
        return LISTS.contains(canonicalName);
    }
}
