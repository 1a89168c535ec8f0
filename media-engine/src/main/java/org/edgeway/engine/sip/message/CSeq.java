package org.edgeway.engine.sip.message;

/**
 * The CSeq header (RFC 3261 20.16): a sequence number below 2^31 and the method.
 */
public record CSeq(long number, String method) {

    public static CSeq parse(String value) throws SipParseException {
        String[] parts = value.trim().split("[ \t]+");
        if (parts.length != 2 || !Syntax.isToken(parts[1])) {
            throw new SipParseException("bad CSeq: " + Syntax.shorten(value));
        }
        return new CSeq(Numbers.parse(parts[0], (1L << 31) - 1, HeaderNames.CSEQ), parts[1]);
    }

    @Override
    public String toString() {
        return number + " " + method;
    }
}
