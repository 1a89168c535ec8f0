package org.edgeway.engine.stun.attribute;

import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import org.edgeway.engine.stun.StunDecoderException;

/**
 * XOR-MAPPED-ADDRESS (RFC 8489 section 14.2): "The XOR-MAPPED-ADDRESS attribute is identical to the MAPPED-ADDRESS
 * attribute, except that the reflexive transport address is obfuscated through the XOR function." X-Port is the
 * port XOR the most significant 16 bits of the magic cookie; X-Address is the address XOR the magic cookie (IPv4)
 * or XOR the magic cookie followed by the transaction ID (IPv6).
 *
 * @param address the transport address (never null)
 */
public record XorMappedAddressAttribute(InetSocketAddress address) implements AddressAttribute {

    public static final int TYPE = 0x0020;

    public XorMappedAddressAttribute {
        AddressAttribute.requireResolved(address);
    }

    @Override
    public int type() {
        return TYPE;
    }

    public static XorMappedAddressAttribute decode(ByteBuf value, byte[] transactionId) throws StunDecoderException {
        return new XorMappedAddressAttribute(AddressCodec.decode(value, transactionId, true, "XOR-MAPPED-ADDRESS"));
    }

    @Override
    public void writeValue(ByteBuf out, byte[] transactionId) {
        AddressCodec.encode(out, address, transactionId, true);
    }
}
