package org.edgeway.engine.stun.attribute;

import io.netty.buffer.ByteBuf;
import org.edgeway.engine.stun.StunDecoderException;

/**
 * REQUESTED-TRANSPORT (RFC 8656 section 18.7): "This attribute is used by the client to request a specific
 * transport protocol for the allocated transport address. The value of this attribute is 4 bytes: Protocol (8
 * bits), RFFU (24 bits). The Protocol field specifies the desired protocol. The codepoints used in this field are
 * taken from those allowed in the Protocol field in the IPv4 header and the NextHeader field in the IPv6 header
 * [PROTOCOL-NUMBERS]. This specification only allows the use of codepoint 17 (User Datagram Protocol)."
 *
 * @param protocol IANA protocol number (17 = UDP, 6 = TCP per RFC 6062)
 */
public record RequestedTransportAttribute(int protocol) implements StunAttribute {

    public static final int TYPE = 0x0019;
    public static final int UDP = 17;
    public static final int TCP = 6;

    @Override
    public int type() {
        return TYPE;
    }

    public static RequestedTransportAttribute decode(ByteBuf value, byte[] transactionId)
            throws StunDecoderException {
        if (value.readableBytes() != 4) {
            throw StunDecoderException.badAttribute("REQUESTED-TRANSPORT must be 4 bytes");
        }
        return new RequestedTransportAttribute(value.getUnsignedByte(value.readerIndex()));
    }

    @Override
    public void writeValue(ByteBuf out, byte[] transactionId) {
        out.writeByte(protocol);
        out.writeByte(0);
        out.writeShort(0);
    }
}
