package org.edgeway.engine.sip.message;

/** Decimal header values with an upper bound (overlarge values are errors, RFC 4475 3.1.2.4). */
final class Numbers {

    private Numbers() {
    }

    static long parse(String s, long max, String header) throws SipParseException {
        String t = s.trim();
        if (t.isEmpty() || t.length() > 19 || !t.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw new SipParseException("bad " + header + ": " + Syntax.shorten(s));
        }
        long v = Long.parseLong(t);
        if (v > max) {
            throw new SipParseException(header + " too large: " + Syntax.shorten(s));
        }
        return v;
    }
}
