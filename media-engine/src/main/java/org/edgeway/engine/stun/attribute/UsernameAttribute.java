package org.edgeway.engine.stun.attribute;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.edgeway.engine.stun.StunDecoderException;

/**
 * USERNAME (RFC 8489 section 14.3): "The USERNAME attribute is used for message integrity. It identifies the
 * username and password combination used in the message-integrity check. The value of USERNAME is a
 * variable-length value containing the authentication username. It MUST contain a UTF-8-encoded [RFC3629] sequence
 * of fewer than 509 bytes and MUST have been processed using the OpaqueString profile [RFC8265]."
 *
 * <p>For the TURN REST API (time-limited credentials) the username is {@code <expiry>:<user>}.
 *
 * @param value the text (UTF-8 on the wire, at most {@link #MAX_BYTES} bytes)
 */
public record UsernameAttribute(String value) implements StunAttribute {

    public static final int TYPE = 0x0006;
    /** Largest value this implementation accepts or sends, in bytes. */
    public static final int MAX_BYTES = 508;

    public UsernameAttribute {
        Objects.requireNonNull(value, "value");
        TextCodec.encode(value, MAX_BYTES, "USERNAME");
    }

    @Override
    public int type() {
        return TYPE;
    }

    public static UsernameAttribute decode(ByteBuf value, byte[] transactionId) throws StunDecoderException {
        return new UsernameAttribute(TextCodec.decode(value, MAX_BYTES, "USERNAME"));
    }

    @Override
    public void writeValue(ByteBuf out, byte[] transactionId) {
        out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
    }
}
