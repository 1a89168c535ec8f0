package org.edgeway.engine.stun.attribute;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.Arrays;
import org.edgeway.engine.stun.StunDecoderException;

/**
 * MESSAGE-INTEGRITY (RFC 8489 section 14.5): "The MESSAGE-INTEGRITY attribute contains an HMAC-SHA1 [RFC2104] of the
 * STUN message. The MESSAGE-INTEGRITY attribute can be present in any STUN message type. Since it uses the SHA-1
 * hash, the HMAC will be 20 bytes." The text used as input to HMAC "is the STUN message, up to and including the
 * attribute preceding the MESSAGE-INTEGRITY attribute. The Length field of the STUN message header is adjusted to
 * point to the end of the MESSAGE-INTEGRITY attribute." Computed and checked by
 * {@link org.edgeway.engine.stun.MessageIntegrity}; the encoder appends it when a message is signed.
 */
public final class MessageIntegrityAttribute implements StunAttribute {

    public static final int TYPE = 0x0008;

    private final byte[] value;

    /** @param value 20 bytes */
    public MessageIntegrityAttribute(byte[] value) {
        if (!valid(value.length)) {
            throw new IllegalArgumentException("MESSAGE-INTEGRITY must be 20 bytes, got " + value.length);
        }
        this.value = value.clone();
    }

    private static boolean valid(int len) {
        return len == 20;
    }

    @Override
    public int type() {
        return TYPE;
    }

    /** A copy of the value. */
    public byte[] value() {
        return value.clone();
    }

    public static MessageIntegrityAttribute decode(ByteBuf value, byte[] transactionId) throws StunDecoderException {
        if (!valid(value.readableBytes())) {
            throw StunDecoderException.badAttribute("MESSAGE-INTEGRITY must be 20 bytes");
        }
        return new MessageIntegrityAttribute(ByteBufUtil.getBytes(value));
    }

    @Override
    public void writeValue(ByteBuf out, byte[] transactionId) {
        out.writeBytes(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageIntegrityAttribute other && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "MESSAGE-INTEGRITY[" + ByteBufUtil.hexDump(value) + "]";
    }
}
