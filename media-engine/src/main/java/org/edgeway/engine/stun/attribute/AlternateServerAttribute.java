package org.edgeway.engine.stun.attribute;

import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import org.edgeway.engine.stun.StunDecoderException;

/**
 * ALTERNATE-SERVER (RFC 8489 section 14.15): "The alternate server represents an alternate transport address
 * identifying a different STUN server that the STUN client should try. It is encoded in the same way as
 * MAPPED-ADDRESS and thus refers to a single server by IP address." Sent with 300 (Try Alternate).
 *
 * @param address the transport address (never null)
 */
public record AlternateServerAttribute(InetSocketAddress address) implements AddressAttribute {

    public static final int TYPE = 0x8023;

    public AlternateServerAttribute {
        AddressAttribute.requireResolved(address);
    }

    @Override
    public int type() {
        return TYPE;
    }

    public static AlternateServerAttribute decode(ByteBuf value, byte[] transactionId) throws StunDecoderException {
        return new AlternateServerAttribute(AddressCodec.decode(value, transactionId, false, "ALTERNATE-SERVER"));
    }

    @Override
    public void writeValue(ByteBuf out, byte[] transactionId) {
        AddressCodec.encode(out, address, transactionId, false);
    }
}
