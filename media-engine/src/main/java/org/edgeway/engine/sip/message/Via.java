package org.edgeway.engine.sip.message;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One Via value (RFC 3261 20.42): transport, sent-by and parameters (branch, received, rport RFC 3581 ...).
 *
 * @param transport upper-case transport ("UDP", "TCP", "TLS", or anything a peer sent)
 * @param host      sent-by host
 * @param port      sent-by port or -1
 * @param params    parameters, names lower case; rport "" when requested without value
 */
public record Via(String transport, String host, int port, Map<String, String> params) {

    /** RFC 3261 8.1.1.7: branches of compliant elements start with this. */
    public static final String MAGIC_COOKIE = "z9hG4bK";

    public Via {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public String branch() {
        return params.get("branch");
    }

    public boolean hasMagicCookie() {
        String b = branch();
        return b != null && b.startsWith(MAGIC_COOKIE);
    }

    public String sentBy() {
        return port < 0 ? host : host + ":" + port;
    }

    public static Via parse(String value) throws SipParseException {
        String s = value.trim();
        Params.Cursor c = new Params.Cursor(s, 0);
        String protocol = c.token();
        slash(c, s);
        String version = c.token();
        slash(c, s);
        String transport = c.token();
        if (!protocol.equalsIgnoreCase("SIP") || !version.equals("2.0") || transport.isEmpty()) {
            throw new SipParseException("bad Via protocol: " + Syntax.shorten(s));
        }
        int before = c.position();
        c.skipLws();
        if (c.position() == before) {
            throw new SipParseException("no sent-by in Via: " + Syntax.shorten(s));
        }
        String host = c.paramValue();
        int port = -1;
        int colon = host.startsWith("[") ? host.indexOf(':', host.indexOf(']')) : host.indexOf(':');
        if (colon >= 0) {
            String p = host.substring(colon + 1);
            host = host.substring(0, colon);
            if (p.isEmpty() || p.length() > 5 || !p.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(p) > 65535) {
                throw new SipParseException("bad port in Via: " + Syntax.shorten(s));
            }
            port = Integer.parseInt(p);
        }
        if (host.isEmpty() || !(host.startsWith("[") || Syntax.isHostName(host))) {
            throw new SipParseException("bad sent-by in Via: " + Syntax.shorten(s));
        }
        return new Via(transport.toUpperCase(Locale.ROOT), host.toLowerCase(Locale.ROOT), port,
                Params.parse(s, c.position(), "Via"));
    }

    private static void slash(Params.Cursor c, String s) throws SipParseException {
        c.skipLws();
        if (c.atEnd() || c.peek() != '/') {
            throw new SipParseException("bad Via protocol: " + Syntax.shorten(s));
        }
        c.next();
        c.skipLws();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("SIP/2.0/").append(transport).append(' ').append(sentBy());
        params.forEach((k, v) -> b.append(';').append(k).append(v.isEmpty() ? "" : "=" + v));
        return b.toString();
    }
}
