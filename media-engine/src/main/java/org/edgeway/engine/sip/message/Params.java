package org.edgeway.engine.sip.message;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the ";name[=value]" parameter lists of Via and name-addr headers (RFC 3261 25.1 generic-param), LWS
 * allowed around ';' and '='. Names lower case; a value is a token, host or quoted string, "" when absent.
 */
final class Params {

    private Params() {
    }

    /** Parses {@code s} from {@code i}, which must be at ';' or end (after LWS); the rest must be only params. */
    static Map<String, String> parse(String s, int i, String header) throws SipParseException {
        Map<String, String> params = new LinkedHashMap<>();
        Cursor c = new Cursor(s, i);
        c.skipLws();
        while (!c.atEnd()) {
            if (c.peek() != ';') {
                throw new SipParseException("unexpected text in " + header + ": " + Syntax.shorten(s));
            }
            c.next();
            c.skipLws();
            String name = c.token();
            if (name.isEmpty()) {
                throw new SipParseException("empty parameter in " + header + ": " + Syntax.shorten(s));
            }
            c.skipLws();
            String value = "";
            if (!c.atEnd() && c.peek() == '=') {
                c.next();
                c.skipLws();
                value = !c.atEnd() && c.peek() == '"' ? c.quoted() : c.paramValue();
                if (value.isEmpty()) {
                    throw new SipParseException("empty parameter value in " + header + ": " + Syntax.shorten(s));
                }
                c.skipLws();
            }
            params.put(name.toLowerCase(Locale.ROOT), value);
        }
        return params;
    }

    /** A position in a header value. */
    static final class Cursor {
        private final String s;
        private int i;

        Cursor(String s, int i) {
            this.s = s;
            this.i = i;
        }

        boolean atEnd() {
            return i >= s.length();
        }

        char peek() {
            return s.charAt(i);
        }

        void next() {
            i++;
        }

        int position() {
            return i;
        }

        void skipLws() {
            while (i < s.length() && Syntax.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        String token() {
            int start = i;
            while (i < s.length() && Syntax.isTokenChar(s.charAt(i))) {
                i++;
            }
            return s.substring(start, i);
        }

        /** token / host (IPv6 reference included). */
        String paramValue() {
            int start = i;
            while (i < s.length() && (Syntax.isTokenChar(s.charAt(i)) || "[]:".indexOf(s.charAt(i)) >= 0)) {
                i++;
            }
            return s.substring(start, i);
        }

        /** A quoted string including its quotes; quoted-pairs kept escaped. */
        String quoted() throws SipParseException {
            int start = i;
            i++;
            while (i < s.length()) {
                char ch = s.charAt(i);
                if (ch == '\\') {
                    i += 2;
                } else if (ch == '"') {
                    i++;
                    return s.substring(start, i);
                } else {
                    i++;
                }
            }
            throw new SipParseException("unterminated quoted string: " + Syntax.shorten(s));
        }
    }
}
