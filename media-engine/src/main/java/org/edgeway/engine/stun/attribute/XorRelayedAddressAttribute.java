package org.edgeway.engine.stun.attribute;

import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import org.edgeway.engine.stun.StunDecoderException;

/**
 * XOR-RELAYED-ADDRESS (RFC 8656 section 18.5): "The XOR-RELAYED-ADDRESS attribute is present in Allocate responses. It
 * specifies the address and port that the server allocated to the client. It is encoded in the same way as the
 * XOR-MAPPED-ADDRESS attribute [RFC8489]."
 *
 * @param address the transport address (never null)
 */
public record XorRelayedAddressAttribute(InetSocketAddress address) implements AddressAttribute {

    public static final int TYPE = 0x0016;

    public XorRelayedAddressAttribute {
        AddressAttribute.requireResolved(address);
    }

    @Override
    public int type() {
        return TYPE;
    }

    public static XorRelayedAddressAttribute decode(ByteBuf value, byte[] transactionId) throws StunDecoderException {
        return new XorRelayedAddressAttribute(AddressCodec.decode(value, transactionId, true, "XOR-RELAYED-ADDRESS"));
    }

    @Override
    public void writeValue(ByteBuf out, byte[] transactionId) {
        AddressCodec.encode(out, address, transactionId, true);
    }
}
