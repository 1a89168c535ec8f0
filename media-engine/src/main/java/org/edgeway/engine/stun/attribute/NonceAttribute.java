package org.edgeway.engine.stun.attribute;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.edgeway.engine.stun.StunDecoderException;

/**
 * NONCE (RFC 8489 section 14.10): "The NONCE attribute may be present in requests and responses. It contains a
 * sequence of qdtext or quoted-pair, which are defined in [RFC3261]. Note that this means that the NONCE attribute
 * will not contain the actual surrounding quote characters. The NONCE attribute MUST be fewer than 128 characters
 * (which can be as long as 509 bytes when encoding them and a long as 763 bytes when decoding them)."
 *
 * <p>Nonces this server issues start with the RFC 8489 section 9.2 nonce cookie, see
 * {@link org.edgeway.engine.stun.NonceCookie}.
 *
 * @param value the text (UTF-8 on the wire, at most {@link #MAX_BYTES} bytes)
 */
public record NonceAttribute(String value) implements StunAttribute {

    public static final int TYPE = 0x0015;
    /** Largest value this implementation accepts or sends, in bytes. */
    public static final int MAX_BYTES = 763;

    public NonceAttribute {
        Objects.requireNonNull(value, "value");
        TextCodec.encode(value, MAX_BYTES, "NONCE");
    }

    @Override
    public int type() {
        return TYPE;
    }

    public static NonceAttribute decode(ByteBuf value, byte[] transactionId) throws StunDecoderException {
        return new NonceAttribute(TextCodec.decode(value, MAX_BYTES, "NONCE"));
    }

    @Override
    public void writeValue(ByteBuf out, byte[] transactionId) {
        out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
    }
}
