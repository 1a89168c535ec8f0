package org.edgeway.engine.stun.attribute;

import io.netty.buffer.ByteBuf;
import org.edgeway.engine.stun.StunDecoderException;

/**
 * ICMP (RFC 8656 section 18.13): "This attribute is used by servers to signal the reason a UDP packet was dropped.
 * The following is the format of the ICMP attribute: Reserved (16 bits), ICMP Type (8 bits), ICMP Code (8 bits),
 * Error Data (32 bits)."
 *
 * @param icmpType  ICMP type
 * @param icmpCode  ICMP code
 * @param errorData error data (e.g. the MTU for "fragmentation needed")
 */
public record IcmpAttribute(int icmpType, int icmpCode, int errorData) implements StunAttribute {

    public static final int TYPE = 0x8004;

    @Override
    public int type() {
        return TYPE;
    }

    public static IcmpAttribute decode(ByteBuf value, byte[] transactionId) throws StunDecoderException {
        if (value.readableBytes() != 8) {
            throw StunDecoderException.badAttribute("ICMP must be 8 bytes");
        }
        int idx = value.readerIndex();
        return new IcmpAttribute(value.getUnsignedByte(idx + 2), value.getUnsignedByte(idx + 3),
                value.getInt(idx + 4));
    }

    @Override
    public void writeValue(ByteBuf out, byte[] transactionId) {
        out.writeShort(0);
        out.writeByte(icmpType);
        out.writeByte(icmpCode);
        out.writeInt(errorData);
    }
}
