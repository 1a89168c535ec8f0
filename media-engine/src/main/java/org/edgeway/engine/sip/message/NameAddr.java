package org.edgeway.engine.sip.message;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The value of From, To, Contact, Route, Record-Route and Path: an optional display name, a URI (in angle brackets
 * or as a bare addr-spec) and header parameters (RFC 3261 20.10, 25.1 name-addr / addr-spec).
 *
 * @param displayName display name as received (quoted form kept), or null
 * @param uri         the URI
 * @param params      header parameters, names lower case
 */
public record NameAddr(String displayName, SipUri uri, Map<String, String> params) {

    public NameAddr {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public static NameAddr of(SipUri uri) {
        return new NameAddr(null, uri, Map.of());
    }

    public String tag() {
        return params.get("tag");
    }

    public NameAddr withParam(String name, String value) {
        Map<String, String> p = new LinkedHashMap<>(params);
        p.put(name, value);
        return new NameAddr(displayName, uri, p);
    }

    public static NameAddr parse(String value, String header) throws SipParseException {
        String s = value.trim();
        Params.Cursor c = new Params.Cursor(s, 0);
        String display = null;
        int open;
        if (s.startsWith("\"")) {
            display = c.quoted();
            c.skipLws();
            if (c.atEnd() || c.peek() != '<') {
                throw new SipParseException("display name not followed by <URI> in " + header);
            }
            open = c.position();
        } else {
            open = s.indexOf('<');
            if (open >= 0) {
                String tokens = s.substring(0, open).trim();
                // tokens separated by LWS (RFC 3261 25.1 display-name), checked without a regex per header
                for (int i = 0; i < tokens.length(); i++) {
                    char ch = tokens.charAt(i);
                    if (!Syntax.isWhitespace(ch) && !Syntax.isTokenChar(ch)) {
                        throw new SipParseException("display name must be quoted in " + header + ": "
                                + Syntax.shorten(s));
                    }
                }
                display = tokens.isEmpty() ? null : tokens;
            }
        }
        SipUri uri;
        int after;
        if (open >= 0) {
            int close = s.indexOf('>', open);
            if (close < 0) {
                throw new SipParseException("missing > in " + header + ": " + Syntax.shorten(s));
            }
            uri = SipUri.parse(s.substring(open + 1, close));
            after = close + 1;
        } else {
            int semi = s.indexOf(';');
            String spec = (semi < 0 ? s : s.substring(0, semi)).trim();
            // RFC 3261 20: an addr-spec holding ',', '?' or ';' must be in angle brackets
            if (spec.indexOf('?') >= 0 || spec.indexOf(',') >= 0) {
                throw new SipParseException("URI with headers must be in <> in " + header + ": "
                        + Syntax.shorten(s));
            }
            uri = SipUri.parse(spec);
            after = semi < 0 ? s.length() : semi;
        }
        return new NameAddr(display, uri, Params.parse(s, after, header));
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (displayName != null) {
            b.append(displayName).append(' ');
        }
        b.append('<').append(uri.text()).append('>');
        params.forEach((k, v) -> b.append(';').append(k).append(v.isEmpty() ? "" : "=" + v));
        return b.toString();
    }
}
