package org.edgeway.engine.stun.attribute;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.edgeway.engine.stun.StunDecoderException;

/**
 * ERROR-CODE (RFC 8489 section 14.8): "The ERROR-CODE attribute is used in error response messages. It contains a
 * numeric error code value in the range of 300 to 699 plus a textual reason phrase encoded in UTF-8 [RFC3629]; it
 * is also consistent in its code assignments and semantics with SIP [RFC3261] and HTTP [RFC7231]. The reason
 * phrase is meant for diagnostic purposes and can be anything appropriate for the error code." On the wire: 21
 * reserved bits, a 3-bit Class (hundreds) and an 8-bit Number (code modulo 100), then the reason phrase, "a
 * UTF-8-encoded [RFC3629] sequence of fewer than 128 characters (which can be as long as 509 bytes when encoding
 * them or 763 bytes when decoding them)".
 *
 * @param code   300..699
 * @param reason reason phrase
 */
public record ErrorCodeAttribute(int code, String reason) implements StunAttribute {

    public static final int TYPE = 0x0009;
    public static final int MAX_REASON_BYTES = 763;

    public ErrorCodeAttribute {
        if (code < 300 || code > 699) {
            throw new IllegalArgumentException("error code out of range: " + code);
        }
        Objects.requireNonNull(reason, "reason");
        TextCodec.encode(reason, MAX_REASON_BYTES, "ERROR-CODE reason");
    }

    @Override
    public int type() {
        return TYPE;
    }

    public static ErrorCodeAttribute decode(ByteBuf value, byte[] transactionId) throws StunDecoderException {
        if (value.readableBytes() < 4) {
            throw StunDecoderException.badAttribute("ERROR-CODE too short");
        }
        int idx = value.readerIndex();
        int cls = value.getUnsignedByte(idx + 2) & 0x07;
        int number = value.getUnsignedByte(idx + 3);
        int code = cls * 100 + number;
        if (cls < 3 || cls > 6 || number > 99) {
            throw StunDecoderException.badAttribute("ERROR-CODE out of range: " + cls + "/" + number);
        }
        String reason = TextCodec.decode(value.slice(idx + 4, value.readableBytes() - 4), MAX_REASON_BYTES,
                "ERROR-CODE reason");
        return new ErrorCodeAttribute(code, reason);
    }

    @Override
    public void writeValue(ByteBuf out, byte[] transactionId) {
        out.writeShort(0);
        out.writeByte(code / 100);
        out.writeByte(code % 100);
        out.writeBytes(reason.getBytes(StandardCharsets.UTF_8));
    }
}
