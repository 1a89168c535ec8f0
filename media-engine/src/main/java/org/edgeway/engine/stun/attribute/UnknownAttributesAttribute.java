package org.edgeway.engine.stun.attribute;

import io.netty.buffer.ByteBuf;
import java.util.List;
import org.edgeway.engine.stun.StunDecoderException;

/**
 * UNKNOWN-ATTRIBUTES (RFC 8489 section 14.13): "The UNKNOWN-ATTRIBUTES attribute is present only in an error
 * response when the response code in the ERROR-CODE attribute is 420 (Unknown Attribute). The attribute contains a
 * list of 16-bit values, each of which represents an attribute type that was not understood by the server."
 *
 * @param types the attribute types not understood
 */
public record UnknownAttributesAttribute(List<Integer> types) implements StunAttribute {

    public static final int TYPE = 0x000A;

    public UnknownAttributesAttribute {
        types = List.copyOf(types);
    }

    @Override
    public int type() {
        return TYPE;
    }

    public static UnknownAttributesAttribute decode(ByteBuf value, byte[] transactionId)
            throws StunDecoderException {
        if (value.readableBytes() % 2 != 0) {
            throw StunDecoderException.badAttribute("UNKNOWN-ATTRIBUTES length must be even");
        }
        Integer[] types = new Integer[value.readableBytes() / 2];
        for (int i = 0; i < types.length; i++) {
            types[i] = value.getUnsignedShort(value.readerIndex() + 2 * i);
        }
        return new UnknownAttributesAttribute(List.of(types));
    }

    @Override
    public void writeValue(ByteBuf out, byte[] transactionId) {
        for (int t : types) {
            out.writeShort(t);
        }
    }
}
