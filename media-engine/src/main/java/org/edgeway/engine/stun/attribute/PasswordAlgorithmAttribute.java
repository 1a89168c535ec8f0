package org.edgeway.engine.stun.attribute;

import io.netty.buffer.ByteBuf;
import org.edgeway.engine.stun.PasswordAlgorithm;
import org.edgeway.engine.stun.StunDecoderException;

/**
 * PASSWORD-ALGORITHM (RFC 8489 section 14.12): "The PASSWORD-ALGORITHM attribute is present only in requests. It
 * contains the algorithm that the server must use to derive a key from the long-term password." Value: a 16-bit
 * Algorithm, a 16-bit Algorithm Parameters Length and the (padded) parameters. MD5 (0x0001) and SHA-256 (0x0002)
 * take no parameters.
 *
 * @param algorithm  the registered algorithm number (possibly one this server does not know)
 * @param parameters the parameters length declared on the wire (0 for MD5 and SHA-256)
 */
public record PasswordAlgorithmAttribute(int algorithm, int parameters) implements StunAttribute {

    public static final int TYPE = 0x001D;

    public PasswordAlgorithmAttribute(PasswordAlgorithm algorithm) {
        this(algorithm.number(), 0);
    }

    @Override
    public int type() {
        return TYPE;
    }

    /** The algorithm, or null when this server does not implement it. */
    public PasswordAlgorithm known() {
        return PasswordAlgorithm.of(algorithm);
    }

    public static PasswordAlgorithmAttribute decode(ByteBuf value, byte[] transactionId)
            throws StunDecoderException {
        if (value.readableBytes() < 4) {
            throw StunDecoderException.badAttribute("PASSWORD-ALGORITHM too short");
        }
        int idx = value.readerIndex();
        int alg = value.getUnsignedShort(idx);
        int len = value.getUnsignedShort(idx + 2);
        if (4 + ((len + 3) & ~3) != value.readableBytes() && 4 + len != value.readableBytes()) {
            throw StunDecoderException.badAttribute("PASSWORD-ALGORITHM parameters length mismatch");
        }
        return new PasswordAlgorithmAttribute(alg, len);
    }

    @Override
    public void writeValue(ByteBuf out, byte[] transactionId) {
        out.writeShort(algorithm);
        out.writeShort(0);
    }
}
