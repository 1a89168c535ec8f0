package org.edgeway.engine.stun.attribute;

import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import org.edgeway.engine.stun.StunDecoderException;

/**
 * MAPPED-ADDRESS (RFC 8489 section 14.1): "The MAPPED-ADDRESS attribute indicates a reflexive transport address of
 * the client. It consists of an 8-bit address family and a 16-bit port, followed by a fixed-length value
 * representing the IP address." Kept for backwards compatibility with RFC 3489 clients; servers send
 * XOR-MAPPED-ADDRESS.
 *
 * @param address the transport address (never null)
 */
public record MappedAddressAttribute(InetSocketAddress address) implements AddressAttribute {

    public static final int TYPE = 0x0001;

    public MappedAddressAttribute {
        AddressAttribute.requireResolved(address);
    }

    @Override
    public int type() {
        return TYPE;
    }

    public static MappedAddressAttribute decode(ByteBuf value, byte[] transactionId) throws StunDecoderException {
        return new MappedAddressAttribute(AddressCodec.decode(value, transactionId, false, "MAPPED-ADDRESS"));
    }

    @Override
    public void writeValue(ByteBuf out, byte[] transactionId) {
        AddressCodec.encode(out, address, transactionId, false);
    }
}
