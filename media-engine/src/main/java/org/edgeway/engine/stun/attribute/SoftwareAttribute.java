package org.edgeway.engine.stun.attribute;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.edgeway.engine.stun.StunDecoderException;

/**
 * SOFTWARE (RFC 8489 section 14.14): "The SOFTWARE attribute contains a textual description of the software being
 * used by the agent sending the message. It is used by clients and servers. Its value SHOULD include manufacturer
 * and version number. The attribute has no impact on operation of the protocol and serves only as a tool for
 * diagnostic and debugging purposes. The value of SOFTWARE is variable length. It MUST be a UTF-8-encoded
 * [RFC3629] sequence of fewer than 128 characters (which can be as long as 509 when encoding them and as long as
 * 763 bytes when decoding them)."
 *
 * @param value the text (UTF-8 on the wire, at most {@link #MAX_BYTES} bytes)
 */
public record SoftwareAttribute(String value) implements StunAttribute {

    public static final int TYPE = 0x8022;
    /** Largest value this implementation accepts or sends, in bytes. */
    public static final int MAX_BYTES = 763;

    public SoftwareAttribute {
        Objects.requireNonNull(value, "value");
        TextCodec.encode(value, MAX_BYTES, "SOFTWARE");
    }

    @Override
    public int type() {
        return TYPE;
    }

    public static SoftwareAttribute decode(ByteBuf value, byte[] transactionId) throws StunDecoderException {
        return new SoftwareAttribute(TextCodec.decode(value, MAX_BYTES, "SOFTWARE"));
    }

    @Override
    public void writeValue(ByteBuf out, byte[] transactionId) {
        out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
    }
}
