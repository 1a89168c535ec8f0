package org.edgeway.engine.sip.message;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A URI as SIP carries it. sip: and sips: URIs are parsed into user, host, port, parameters and headers (RFC 3261
 * 19.1); any other scheme (tel:, http: ...) is kept whole in {@code text} with a null host. User and parameters keep
 * their %-escapes as received: comparison and forwarding work on the escaped form.
 *
 * @param scheme  lower-case scheme
 * @param user    user part with password removed, or null
 * @param host    host (IPv6 in brackets), lower case, or null for a non-SIP URI
 * @param port    port, or -1
 * @param params  URI parameters, names lower case, value "" when absent
 * @param headers the "?..." part without '?', or null
 * @param text    the URI as received
 */
public record SipUri(String scheme, String user, String host, int port, Map<String, String> params, String headers,
        String text) {

    public SipUri {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public boolean isSip() {
        return host != null;
    }

    /** The address of record form "sip:user@host" (no port, no parameters) used as registrar key and alias. */
    public String addressOfRecord() {
        return scheme + ":" + (user == null ? "" : user + "@") + host;
    }

    /** "user@host" as search rules see an alias. */
    public String alias() {
        return (user == null ? "" : user + "@") + host;
    }

    public String param(String name) {
        return params.get(name);
    }

    public SipUri withUserAndHost(String newUser, String newHost) {
        return build(scheme, newUser, newHost, port, params, headers);
    }

    public SipUri withoutParam(String name) {
        Map<String, String> p = new LinkedHashMap<>(params);
        p.remove(name);
        return build(scheme, user, host, port, p, headers);
    }

    public static SipUri build(String scheme, String user, String host, int port, Map<String, String> params,
            String headers) {
        StringBuilder b = new StringBuilder(scheme).append(':');
        if (user != null) {
            b.append(user).append('@');
        }
        b.append(host);
        if (port >= 0) {
            b.append(':').append(port);
        }
        params.forEach((k, v) -> b.append(';').append(k).append(v.isEmpty() ? "" : "=" + v));
        if (headers != null) {
            b.append('?').append(headers);
        }
        return new SipUri(scheme, user, host, port, params, headers, b.toString());
    }

    /** Parses a URI (no surrounding LWS, no angle brackets). */
    public static SipUri parse(String text) throws SipParseException {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new SipParseException("URI without scheme: " + Syntax.shorten(text));
        }
        String scheme = text.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!Syntax.isScheme(scheme)) {
            throw new SipParseException("bad URI scheme: " + Syntax.shorten(text));
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '<' || c == '>' || c == '"') {
                throw new SipParseException("illegal character in URI: " + Syntax.shorten(text));
            }
        }
        if (!scheme.equals("sip") && !scheme.equals("sips")) {
            return new SipUri(scheme, null, null, -1, Map.of(), null, text);
        }
        String rest = text.substring(colon + 1);
        // userinfo may itself hold '?', ';' and '/' (RFC 3261 25.1 user-unreserved) but never an unescaped '@'
        String user = null;
        int at = rest.indexOf('@');
        if (at >= 0 && Syntax.isHostStart(rest, at + 1)) {
            user = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int pw = user.indexOf(':');
            if (pw >= 0) {
                user = user.substring(0, pw);
            }
            if (user.isEmpty()) {
                throw new SipParseException("empty user part in URI: " + Syntax.shorten(text));
            }
            checkEscapes(user, text);
        }
        String headers = null;
        int q = rest.indexOf('?');
        if (q >= 0) {
            headers = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        String hostPort = rest;
        Map<String, String> params = new LinkedHashMap<>();
        int semi = rest.indexOf(';');
        if (semi >= 0) {
            hostPort = rest.substring(0, semi);
            for (String p : rest.substring(semi + 1).split(";", -1)) {
                if (p.isEmpty()) {
                    throw new SipParseException("empty URI parameter: " + Syntax.shorten(text));
                }
                checkEscapes(p, text);
                int eq = p.indexOf('=');
                params.put((eq < 0 ? p : p.substring(0, eq)).toLowerCase(Locale.ROOT), eq < 0 ? "" : p.substring(eq + 1));
            }
        }
        String host;
        int port = -1;
        if (hostPort.startsWith("[")) {
            int end = hostPort.indexOf(']');
            if (end < 0) {
                throw new SipParseException("unterminated IPv6 reference: " + Syntax.shorten(text));
            }
            host = hostPort.substring(0, end + 1);
            String after = hostPort.substring(end + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw new SipParseException("bad host: " + Syntax.shorten(text));
                }
                port = parsePort(after.substring(1), text);
            }
        } else {
            int pc = hostPort.indexOf(':');
            host = pc < 0 ? hostPort : hostPort.substring(0, pc);
            if (pc >= 0) {
                port = parsePort(hostPort.substring(pc + 1), text);
            }
            if (!Syntax.isHostName(host)) {
                throw new SipParseException("bad host in URI: " + Syntax.shorten(text));
            }
        }
        return new SipUri(scheme, user, host.toLowerCase(Locale.ROOT), port, params, headers, text);
    }

    private static int parsePort(String s, String text) throws SipParseException {
        if (s.isEmpty() || s.length() > 5 || !s.chars().allMatch(Character::isDigit)) {
            throw new SipParseException("bad port in URI: " + Syntax.shorten(text));
        }
        int port = Integer.parseInt(s);
        if (port > 65535) {
            throw new SipParseException("port out of range in URI: " + Syntax.shorten(text));
        }
        return port;
    }

    /** '%' must be followed by two hex digits inside the user part and parameters (RFC 3261 25.1 escaped). */
    private static void checkEscapes(String s, String text) throws SipParseException {
        for (int i = s.indexOf('%'); i >= 0; i = s.indexOf('%', i + 1)) {
            if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0 || Character.digit(s.charAt(i + 2), 16) < 0) {
                throw new SipParseException("bad %-escape in URI: " + Syntax.shorten(text));
            }
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
