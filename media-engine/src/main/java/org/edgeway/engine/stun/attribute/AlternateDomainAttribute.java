package org.edgeway.engine.stun.attribute;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.edgeway.engine.stun.StunDecoderException;

/**
 * ALTERNATE-DOMAIN (RFC 8489 section 14.16): "The alternate domain represents the domain name that is used to
 * verify the IP address in the ALTERNATE-SERVER attribute when the transport protocol uses TLS or DTLS. The value
 * of ALTERNATE-DOMAIN is variable length. It MUST be a UTF-8-encoded [RFC3629] sequence of fewer than 256 bytes."
 *
 * @param value the text (UTF-8 on the wire, at most {@link #MAX_BYTES} bytes)
 */
public record AlternateDomainAttribute(String value) implements StunAttribute {

    public static final int TYPE = 0x8003;
    /** Largest value this implementation accepts or sends, in bytes. */
    public static final int MAX_BYTES = 255;

    public AlternateDomainAttribute {
        Objects.requireNonNull(value, "value");
        TextCodec.encode(value, MAX_BYTES, "ALTERNATE-DOMAIN");
    }

    @Override
    public int type() {
        return TYPE;
    }

    public static AlternateDomainAttribute decode(ByteBuf value, byte[] transactionId) throws StunDecoderException {
        return new AlternateDomainAttribute(TextCodec.decode(value, MAX_BYTES, "ALTERNATE-DOMAIN"));
    }

    @Override
    public void writeValue(ByteBuf out, byte[] transactionId) {
        out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
    }
}
