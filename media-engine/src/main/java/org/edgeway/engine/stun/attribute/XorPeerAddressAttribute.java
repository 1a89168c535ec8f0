package org.edgeway.engine.stun.attribute;

import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import org.edgeway.engine.stun.StunDecoderException;

/**
 * XOR-PEER-ADDRESS (RFC 8656 section 18.3): "The XOR-PEER-ADDRESS specifies the address and port of the peer as
 * seen from the TURN server. (For example, the peer's server-reflexive transport address if the peer is behind a
 * NAT.) It is encoded in the same way as the XOR-MAPPED-ADDRESS attribute [RFC8489]."
 *
 * @param address the transport address (never null)
 */
public record XorPeerAddressAttribute(InetSocketAddress address) implements AddressAttribute {

    public static final int TYPE = 0x0012;

    public XorPeerAddressAttribute {
        AddressAttribute.requireResolved(address);
    }

    @Override
    public int type() {
        return TYPE;
    }

    public static XorPeerAddressAttribute decode(ByteBuf value, byte[] transactionId) throws StunDecoderException {
        return new XorPeerAddressAttribute(AddressCodec.decode(value, transactionId, true, "XOR-PEER-ADDRESS"));
    }

    @Override
    public void writeValue(ByteBuf out, byte[] transactionId) {
        AddressCodec.encode(out, address, transactionId, true);
    }
}
