package org.edgeway.engine.stun.attribute;

import io.netty.buffer.ByteBuf;
import org.edgeway.engine.stun.StunDecoderException;

/**
 * DONT-FRAGMENT (RFC 8656 section 18.10): "This attribute is used by the client to request that the server set the
 * DF (Don't Fragment) bit in the IP header when relaying the application data onward to the peer and for
 * determining the server capability in Allocate requests. This attribute has no value part, and thus, the
 * attribute length field is 0." On Linux, UDP sockets send with DF set by default (path MTU discovery), which is
 * how this server honours it.
 */
public record DontFragmentAttribute() implements StunAttribute {

    public static final int TYPE = 0x001A;
    public static final DontFragmentAttribute INSTANCE = new DontFragmentAttribute();

    @Override
    public int type() {
        return TYPE;
    }

    public static DontFragmentAttribute decode(ByteBuf value, byte[] transactionId) throws StunDecoderException {
        if (value.readableBytes() != 0) {
            throw StunDecoderException.badAttribute("DONT-FRAGMENT must be empty");
        }
        return INSTANCE;
    }

    @Override
    public void writeValue(ByteBuf out, byte[] transactionId) {
        // no value
    }
}
