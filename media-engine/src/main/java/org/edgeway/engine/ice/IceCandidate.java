package org.edgeway.engine.ice;

import java.util.regex.Pattern;

/**
 * One {@code a=candidate} value (RFC 8839 5.1):
 * {@code <foundation> <component-id> <transport> <priority> <connection-address> <port> typ <cand-type>
 * [raddr <rel-addr>] [rport <rel-port>] *(<extension-att-name> <extension-att-value>)}.
 *
 * @param foundation 1 to 32 ice-chars
 * @param component  1 (RTP) .. 256
 * @param transport  UDP, or an extension token (TCP ...)
 * @param priority   0 .. 2^31-1
 * @param address    IPv4, IPv6 or FQDN, as written
 * @param port       0 .. 65535
 * @param type       host, srflx, prflx or relay
 */
public record IceCandidate(String foundation, int component, String transport, long priority, String address,
        int port, CandidateType type) {

    private static final Pattern FOUNDATION = Pattern.compile("[A-Za-z0-9+/]{1,32}");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`{|}~A-Za-z0-9]+");

    /** The candidate an a=candidate value describes, or null when it breaks the grammar or has an unknown type. */
    public static IceCandidate parse(String value) {
        String[] p = value.trim().split(" ", -1);
        if (p.length < 8 || !FOUNDATION.matcher(p[0]).matches() || !TOKEN.matcher(p[2]).matches()
                || !p[6].equals("typ")) {
            return null;
        }
        int component = (int) number(p[1], 3, 256);
        long priority = number(p[3], 10, 0x7fffffffL);
        int port = (int) number(p[5], 5, 65535);
        CandidateType type = CandidateType.of(p[7]);
        if (component < 1 || priority < 0 || port < 0 || type == null || p[4].isEmpty() || p.length % 2 != 0) {
            return null; // extensions come as name/value pairs, so a well-formed line has an even field count
        }
        return new IceCandidate(p[0], component, p[2].toUpperCase(java.util.Locale.ROOT), priority, p[4], port,
                type);
    }

    /** Whether this candidate is at that transport address (addresses compared as written, case-insensitively). */
    public boolean at(int componentId, String host, int atPort) {
        return component == componentId && port == atPort && address.equalsIgnoreCase(host);
    }

    /** 1 to {@code digits} decimal digits no greater than {@code max}, else -1. */
    private static long number(String s, int digits, long max) {
        if (s.isEmpty() || s.length() > digits || !s.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        long v = Long.parseLong(s);
        return v > max ? -1 : v;
    }
}
