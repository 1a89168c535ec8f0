package org.edgeway.engine.stun.attribute;

import io.netty.buffer.ByteBuf;
import org.edgeway.engine.stun.StunDecoderException;

/**
 * LIFETIME (RFC 8656 section 18.2): "The LIFETIME attribute represents the duration for which the server will
 * maintain an allocation in the absence of a refresh. The TURN client can include the LIFETIME attribute with the
 * desired lifetime in Allocate and Refresh requests. The value portion of this attribute is 4 bytes long and
 * consists of a 32-bit unsigned integral value representing the number of seconds remaining until expiration."
 *
 * @param seconds 0..2^32-1
 */
public record LifetimeAttribute(long seconds) implements StunAttribute {

    public static final int TYPE = 0x000D;

    public LifetimeAttribute {
        if (seconds < 0 || seconds > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("lifetime out of range: " + seconds);
        }
    }

    @Override
    public int type() {
        return TYPE;
    }

    public static LifetimeAttribute decode(ByteBuf value, byte[] transactionId) throws StunDecoderException {
        if (value.readableBytes() != 4) {
            throw StunDecoderException.badAttribute("LIFETIME must be 4 bytes");
        }
        return new LifetimeAttribute(value.getUnsignedInt(value.readerIndex()));
    }

    @Override
    public void writeValue(ByteBuf out, byte[] transactionId) {
        out.writeInt((int) seconds);
    }
}
