package org.edgeway.engine.stun.attribute;

import io.netty.buffer.ByteBuf;
import org.edgeway.engine.stun.StunDecoderException;

/**
 * ICE-CONTROLLING (RFC 8445 section 16.1): "The ICE-CONTROLLING attribute is present in a Binding request. The
 * attribute indicates that the ICE agent believes it is in the controlling role. The content of the attribute is
 * a 64-bit unsigned integer in network byte order, which contains a random number."
 *
 * @param tieBreaker the 64-bit tie-breaker
 */
public record IceControllingAttribute(long tieBreaker) implements StunAttribute {

    public static final int TYPE = 0x802A;

    @Override
    public int type() {
        return TYPE;
    }

    public static IceControllingAttribute decode(ByteBuf value, byte[] transactionId) throws StunDecoderException {
        if (value.readableBytes() != 8) {
            throw StunDecoderException.badAttribute("ICE role attribute must be 8 bytes");
        }
        return new IceControllingAttribute(value.getLong(value.readerIndex()));
    }

    @Override
    public void writeValue(ByteBuf out, byte[] transactionId) {
        out.writeLong(tieBreaker);
    }
}
