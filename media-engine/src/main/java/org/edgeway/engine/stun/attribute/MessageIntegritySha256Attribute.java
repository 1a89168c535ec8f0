package org.edgeway.engine.stun.attribute;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.Arrays;
import org.edgeway.engine.stun.StunDecoderException;

/**
 * MESSAGE-INTEGRITY-SHA256 (RFC 8489 section 14.6): "The MESSAGE-INTEGRITY-SHA256 attribute contains an HMAC-SHA256
 * [RFC2104] of the STUN message. The MESSAGE-INTEGRITY-SHA256 attribute can be present in any STUN message type.
 * The MESSAGE-INTEGRITY-SHA256 attribute contains an initial portion of the HMAC-SHA-256 [RFC2104] of the STUN
 * message. The value will be at most 32 bytes, but it MUST be at least 16 bytes and MUST be a multiple of 4
 * bytes." This server always sends the full 32 bytes and accepts truncated values as the RFC allows.
 */
public final class MessageIntegritySha256Attribute implements StunAttribute {

    public static final int TYPE = 0x001C;

    private final byte[] value;

    /** @param value 16 to 32 bytes, a multiple of 4 */
    public MessageIntegritySha256Attribute(byte[] value) {
        if (!valid(value.length)) {
            throw new IllegalArgumentException("MESSAGE-INTEGRITY-SHA256 must be 16 to 32 bytes, a multiple of 4, got " + value.length);
        }
        this.value = value.clone();
    }

    private static boolean valid(int len) {
        return len >= 16 && len <= 32 && len % 4 == 0;
    }

    @Override
    public int type() {
        return TYPE;
    }

    /** A copy of the value. */
    public byte[] value() {
        return value.clone();
    }

    public static MessageIntegritySha256Attribute decode(ByteBuf value, byte[] transactionId) throws StunDecoderException {
        if (!valid(value.readableBytes())) {
            throw StunDecoderException.badAttribute("MESSAGE-INTEGRITY-SHA256 must be 16 to 32 bytes, a multiple of 4");
        }
        return new MessageIntegritySha256Attribute(ByteBufUtil.getBytes(value));
    }

    @Override
    public void writeValue(ByteBuf out, byte[] transactionId) {
        out.writeBytes(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageIntegritySha256Attribute other && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "MESSAGE-INTEGRITY-SHA256[" + ByteBufUtil.hexDump(value) + "]";
    }
}
