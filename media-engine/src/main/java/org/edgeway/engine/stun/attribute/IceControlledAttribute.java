package org.edgeway.engine.stun.attribute;

import io.netty.buffer.ByteBuf;
import org.edgeway.engine.stun.StunDecoderException;

/**
 * ICE-CONTROLLED (RFC 8445 section 16.1): "The ICE-CONTROLLED attribute is present in a Binding request. The
 * attribute indicates that the ICE agent believes it is in the controlled role. The content of the attribute is a
 * 64-bit unsigned integer in network byte order, which contains a random number."
 *
 * @param tieBreaker the 64-bit tie-breaker
 */
public record IceControlledAttribute(long tieBreaker) implements StunAttribute {

    public static final int TYPE = 0x8029;

    @Override
    public int type() {
        return TYPE;
    }

    public static IceControlledAttribute decode(ByteBuf value, byte[] transactionId) throws StunDecoderException {
        if (value.readableBytes() != 8) {
            throw StunDecoderException.badAttribute("ICE role attribute must be 8 bytes");
        }
        return new IceControlledAttribute(value.getLong(value.readerIndex()));
    }

    @Override
    public void writeValue(ByteBuf out, byte[] transactionId) {
        out.writeLong(tieBreaker);
    }
}
