package org.edgeway.engine.stun;

/**
 * A message could not be decoded. Created without a stack trace: malformed input is routine on a public port.
 * {@link #isAnswerable()} tells whether the header was a valid request so that a 400 (Bad Request) can be sent
 * (RFC 8489 section 6.3); otherwise the datagram is silently discarded.
 */
public final class StunDecoderException extends StunException {

    private static final long serialVersionUID = 1L;

    private final transient StunMessage header;

    private StunDecoderException(String message, StunMessage header) {
        super(message);
        this.header = header;
    }

    /** Not a STUN message at all (wrong leading bits, cookie, length): discard. */
    public static StunDecoderException notStun(String message) {
        return new StunDecoderException(message, null);
    }

    /** A known attribute has a malformed value (the decoder adds the header afterwards). */
    public static StunDecoderException badAttribute(String message) {
        return new StunDecoderException(message, null);
    }

    /** The same failure, with the message header (class, method, transaction ID) attached. */
    StunDecoderException withHeader(StunMessage headerOnly) {
        return new StunDecoderException(getMessage(), headerOnly);
    }

    /** True if the message was a well-formed request header, so a 400 can be sent. */
    public boolean isAnswerable() {
        return header != null && header.messageClass() == StunClass.REQUEST;
    }

    /** A header-only message (class, method, transaction ID, no attributes) or null if not even the header was
     * valid. */
    public StunMessage header() {
        return header;
    }
}
