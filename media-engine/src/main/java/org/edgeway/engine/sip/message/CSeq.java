package org.edgeway.engine.sip.message;

/**
 * The CSeq header (RFC 3261 20.16): a sequence number below 2^31 and the method.
 */
public record CSeq(long number, String method) {

    public static CSeq parse(String value) throws SipParseException {
        String v = value.trim();
        int gap = 0;
        while (gap < v.length() && !Syntax.isWhitespace(v.charAt(gap))) {
            gap++;
        }
        int method = gap;
        while (method < v.length() && Syntax.isWhitespace(v.charAt(method))) {
            method++;
        }
        String m = v.substring(method);
        if (gap == 0 || method == gap || !Syntax.isToken(m)) {
            throw new SipParseException("bad CSeq: " + Syntax.shorten(value));
        }
        return new CSeq(Numbers.parse(v.substring(0, gap), (1L << 31) - 1, HeaderNames.CSEQ), m);
    }

    @Override
    public String toString() {
        return number + " " + method;
    }
}
