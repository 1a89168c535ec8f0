package org.edgeway.engine.stun.attribute;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.Arrays;
import org.edgeway.engine.stun.StunDecoderException;

/**
 * RESERVATION-TOKEN (RFC 8656 section 18.9): "The RESERVATION-TOKEN attribute contains a token that uniquely
 * identifies a relayed transport address being held in reserve by the server. The server includes this attribute
 * in a success response to tell the client about the token, and the client includes this attribute in a
 * subsequent Allocate request to request the server use that relayed transport address for the allocation. The
 * attribute value is 8 bytes and contains the token value."
 */
public final class ReservationTokenAttribute implements StunAttribute {

    public static final int TYPE = 0x0022;

    private final byte[] value;

    /** @param value 8 bytes */
    public ReservationTokenAttribute(byte[] value) {
        if (!valid(value.length)) {
            throw new IllegalArgumentException("RESERVATION-TOKEN must be 8 bytes, got " + value.length);
        }
        this.value = value.clone();
    }

    private static boolean valid(int len) {
        return len == 8;
    }

    @Override
    public int type() {
        return TYPE;
    }

    /** A copy of the value. */
    public byte[] value() {
        return value.clone();
    }

    public static ReservationTokenAttribute decode(ByteBuf value, byte[] transactionId) throws StunDecoderException {
        if (!valid(value.readableBytes())) {
            throw StunDecoderException.badAttribute("RESERVATION-TOKEN must be 8 bytes");
        }
        return new ReservationTokenAttribute(ByteBufUtil.getBytes(value));
    }

    @Override
    public void writeValue(ByteBuf out, byte[] transactionId) {
        out.writeBytes(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReservationTokenAttribute other && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "RESERVATION-TOKEN[" + ByteBufUtil.hexDump(value) + "]";
    }
}
