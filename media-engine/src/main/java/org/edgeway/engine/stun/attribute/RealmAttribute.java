package org.edgeway.engine.stun.attribute;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.edgeway.engine.stun.StunDecoderException;

/**
 * REALM (RFC 8489 section 14.9): "The REALM attribute may be present in requests and responses. It contains text
 * that meets the grammar for \"realm-value\" as described in [RFC3261] but without the double quotes and their
 * surrounding whitespace. That is, it is an unquoted realm-value (and is therefore a sequence of qdtext or
 * quoted-pair). It MUST be a UTF-8-encoded [RFC3629] sequence of fewer than 128 characters (which can be as long
 * as 509 bytes when encoding them and as long as 763 bytes when decoding them)". The Expressway default realm is
 * {@code TANDBERG}.
 *
 * @param value the text (UTF-8 on the wire, at most {@link #MAX_BYTES} bytes)
 */
public record RealmAttribute(String value) implements StunAttribute {

    public static final int TYPE = 0x0014;
    /** Largest value this implementation accepts or sends, in bytes. */
    public static final int MAX_BYTES = 763;

    public RealmAttribute {
        Objects.requireNonNull(value, "value");
        TextCodec.encode(value, MAX_BYTES, "REALM");
    }

    @Override
    public int type() {
        return TYPE;
    }

    public static RealmAttribute decode(ByteBuf value, byte[] transactionId) throws StunDecoderException {
        return new RealmAttribute(TextCodec.decode(value, MAX_BYTES, "REALM"));
    }

    @Override
    public void writeValue(ByteBuf out, byte[] transactionId) {
        out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
    }
}
