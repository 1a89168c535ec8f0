package org.edgeway.engine.stun.attribute;

import io.netty.buffer.ByteBuf;
import org.edgeway.engine.stun.StunDecoderException;

/**
 * USE-CANDIDATE (RFC 8445 section 16.1): "The USE-CANDIDATE attribute indicates that the candidate pair resulting
 * from this check will be used for transmission of data. The attribute has no content (the Length field of the
 * attribute is zero); it serves as a flag." Known so that ICE checks are not answered with 420.
 */
public record UseCandidateAttribute() implements StunAttribute {

    public static final int TYPE = 0x0025;
    public static final UseCandidateAttribute INSTANCE = new UseCandidateAttribute();

    @Override
    public int type() {
        return TYPE;
    }

    public static UseCandidateAttribute decode(ByteBuf value, byte[] transactionId) throws StunDecoderException {
        if (value.readableBytes() != 0) {
            throw StunDecoderException.badAttribute("USE-CANDIDATE must be empty");
        }
        return INSTANCE;
    }

    @Override
    public void writeValue(ByteBuf out, byte[] transactionId) {
        // no value
    }
}
