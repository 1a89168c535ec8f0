package org.edgeway.engine.stun;

/**
 * The message class (RFC 8489 section 5): "The message type defines the message class (request, success response,
 * error response, or indication) and the message method (the primary function) of the STUN message." The two
 * class bits C1 C0 are 0b00 request, 0b01 indication, 0b10 success response, 0b11 error response.
 */
public enum StunClass {
    REQUEST(0b00),
    INDICATION(0b01),
    SUCCESS_RESPONSE(0b10),
    ERROR_RESPONSE(0b11);

    private final int bits;

    StunClass(int bits) {
        this.bits = bits;
    }

    public int bits() {
        return bits;
    }

    static StunClass ofBits(int bits) {
        return values()[bits & 0b11];
    }
}
