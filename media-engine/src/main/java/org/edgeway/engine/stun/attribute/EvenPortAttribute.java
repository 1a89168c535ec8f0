package org.edgeway.engine.stun.attribute;

import io.netty.buffer.ByteBuf;
import org.edgeway.engine.stun.StunDecoderException;

/**
 * EVEN-PORT (RFC 8656 section 18.6): "This attribute allows the client to request that the port in the relayed
 * transport address be even and (optionally) that the server reserve the next-higher port number. The value
 * portion of this attribute is 1 byte long. [...] R: If 1, the server is requested to reserve the next-higher port
 * number (on the same IP address) for a subsequent allocation. If 0, no such reservation is requested."
 *
 * @param reserve the R bit
 */
public record EvenPortAttribute(boolean reserve) implements StunAttribute {

    public static final int TYPE = 0x0018;

    @Override
    public int type() {
        return TYPE;
    }

    public static EvenPortAttribute decode(ByteBuf value, byte[] transactionId) throws StunDecoderException {
        // RFC 8656 says 1 byte; RFC 5766 implementations pad the value to 4: accept both.
        if (value.readableBytes() != 1 && value.readableBytes() != 4) {
            throw StunDecoderException.badAttribute("EVEN-PORT must be 1 byte");
        }
        return new EvenPortAttribute((value.getUnsignedByte(value.readerIndex()) & 0x80) != 0);
    }

    @Override
    public void writeValue(ByteBuf out, byte[] transactionId) {
        out.writeByte(reserve ? 0x80 : 0);
    }
}
