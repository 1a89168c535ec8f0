package org.edgeway.engine.stun.attribute;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.Arrays;

/**
 * An attribute type this implementation does not understand, kept with its raw value. RFC 8489 section 14:
 * comprehension-required ones (0x0000-0x7FFF) in a request make the server answer 420 (Unknown Attribute);
 * comprehension-optional ones (0x8000-0xFFFF) "can be safely ignored by the STUN agent if it does not understand
 * them".
 */
public final class UnknownAttribute implements StunAttribute {

    private final int type;
    private final byte[] value;

    public UnknownAttribute(int type, byte[] value) {
        this.type = type;
        this.value = value.clone();
    }

    @Override
    public int type() {
        return type;
    }

    public byte[] value() {
        return value.clone();
    }

    @Override
    public void writeValue(ByteBuf out, byte[] transactionId) {
        out.writeBytes(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownAttribute other && type == other.type && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return String.format("UNKNOWN(0x%04x)[%s]", type, ByteBufUtil.hexDump(value));
    }
}
