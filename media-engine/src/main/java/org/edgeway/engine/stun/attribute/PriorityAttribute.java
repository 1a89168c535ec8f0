package org.edgeway.engine.stun.attribute;

import io.netty.buffer.ByteBuf;
import org.edgeway.engine.stun.StunDecoderException;

/**
 * PRIORITY (RFC 8445 section 16.1): "The PRIORITY attribute indicates the priority that is to be associated with a
 * peer-reflexive candidate, if one will be discovered by this check. It is a 32-bit unsigned integer and has an
 * attribute value of 0x0024." Known so that ICE connectivity checks are not answered with 420.
 *
 * @param priority the 32-bit priority (as an unsigned value)
 */
public record PriorityAttribute(long priority) implements StunAttribute {

    public static final int TYPE = 0x0024;

    @Override
    public int type() {
        return TYPE;
    }

    public static PriorityAttribute decode(ByteBuf value, byte[] transactionId) throws StunDecoderException {
        if (value.readableBytes() != 4) {
            throw StunDecoderException.badAttribute("PRIORITY must be 4 bytes");
        }
        return new PriorityAttribute(value.getUnsignedInt(value.readerIndex()));
    }

    @Override
    public void writeValue(ByteBuf out, byte[] transactionId) {
        out.writeInt((int) priority);
    }
}
