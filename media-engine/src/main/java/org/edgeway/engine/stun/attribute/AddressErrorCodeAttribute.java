package org.edgeway.engine.stun.attribute;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.edgeway.engine.stun.StunDecoderException;

/**
 * ADDRESS-ERROR-CODE (RFC 8656 section 18.12): "This attribute is used by servers to signal the reason for not
 * allocating the requested address family. The value portion of this attribute is variable length with the
 * following format: Family (8 bits), Rsvd (13 bits), Class (3 bits), Number (8 bits), Reason Phrase (variable)."
 *
 * @param familyCode the family that could not be allocated
 * @param code       error code (e.g. 440)
 * @param reason     reason phrase
 */
public record AddressErrorCodeAttribute(int familyCode, int code, String reason) implements StunAttribute {

    public static final int TYPE = 0x8001;

    public AddressErrorCodeAttribute {
        Objects.requireNonNull(reason, "reason");
        if (code < 300 || code > 699) {
            throw new IllegalArgumentException("error code out of range: " + code);
        }
        TextCodec.encode(reason, ErrorCodeAttribute.MAX_REASON_BYTES, "ADDRESS-ERROR-CODE reason");
    }

    @Override
    public int type() {
        return TYPE;
    }

    public static AddressErrorCodeAttribute decode(ByteBuf value, byte[] transactionId)
            throws StunDecoderException {
        if (value.readableBytes() < 4) {
            throw StunDecoderException.badAttribute("ADDRESS-ERROR-CODE too short");
        }
        int idx = value.readerIndex();
        int cls = value.getUnsignedByte(idx + 2) & 0x07;
        int number = value.getUnsignedByte(idx + 3);
        if (cls < 3 || cls > 6 || number > 99) {
            throw StunDecoderException.badAttribute("ADDRESS-ERROR-CODE out of range");
        }
        return new AddressErrorCodeAttribute(value.getUnsignedByte(idx), cls * 100 + number,
                TextCodec.decode(value.slice(idx + 4, value.readableBytes() - 4),
                        ErrorCodeAttribute.MAX_REASON_BYTES, "ADDRESS-ERROR-CODE reason"));
    }

    @Override
    public void writeValue(ByteBuf out, byte[] transactionId) {
        out.writeByte(familyCode);
        out.writeByte(0);
        out.writeByte(code / 100);
        out.writeByte(code % 100);
        out.writeBytes(reason.getBytes(StandardCharsets.UTF_8));
    }
}
