package org.edgeway.engine.stun.attribute;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.Arrays;
import org.edgeway.engine.stun.StunDecoderException;

/**
 * USERHASH (RFC 8489 section 14.4): "The USERHASH attribute is used as a replacement for the USERNAME attribute
 * when username anonymity is supported. The value of USERHASH has a fixed length of 32 bytes. The username MUST
 * have been processed using the OpaqueString profile [RFC8265], and the realm MUST have been processed using the
 * OpaqueString profile [RFC8265] before hashing." {@code userhash = SHA-256(OpaqueString(username) ":"
 * OpaqueString(realm))}, see {@link org.edgeway.engine.stun.LongTermCredentials#userhash}.
 */
public final class UserhashAttribute implements StunAttribute {

    public static final int TYPE = 0x001E;

    private final byte[] value;

    /** @param value 32 bytes */
    public UserhashAttribute(byte[] value) {
        if (!valid(value.length)) {
            throw new IllegalArgumentException("USERHASH must be 32 bytes, got " + value.length);
        }
        this.value = value.clone();
    }

    private static boolean valid(int len) {
        return len == 32;
    }

    @Override
    public int type() {
        return TYPE;
    }

    /** A copy of the value. */
    public byte[] value() {
        return value.clone();
    }

    public static UserhashAttribute decode(ByteBuf value, byte[] transactionId) throws StunDecoderException {
        if (!valid(value.readableBytes())) {
            throw StunDecoderException.badAttribute("USERHASH must be 32 bytes");
        }
        return new UserhashAttribute(ByteBufUtil.getBytes(value));
    }

    @Override
    public void writeValue(ByteBuf out, byte[] transactionId) {
        out.writeBytes(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserhashAttribute other && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "USERHASH[" + ByteBufUtil.hexDump(value) + "]";
    }
}
