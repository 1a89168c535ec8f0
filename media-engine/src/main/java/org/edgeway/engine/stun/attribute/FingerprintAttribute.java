package org.edgeway.engine.stun.attribute;

import io.netty.buffer.ByteBuf;
import java.util.zip.CRC32;
import org.edgeway.engine.stun.StunDecoderException;

/**
 * FINGERPRINT (RFC 8489 section 14.7): "The FINGERPRINT attribute MAY be present in all STUN messages. The value of
 * the attribute is computed as the CRC-32 of the STUN message up to (but excluding) the FINGERPRINT attribute
 * itself, XOR'ed with the 32-bit value 0x5354554e. [...] When present, the FINGERPRINT attribute MUST be the last
 * attribute in the message and thus will appear after MESSAGE-INTEGRITY and MESSAGE-INTEGRITY-SHA256."
 *
 * @param crc the value on the wire (CRC-32 already XOR'ed with {@link #XOR})
 */
public record FingerprintAttribute(int crc) implements StunAttribute {

    public static final int TYPE = 0x8028;
    /** "XOR'ed with the 32-bit value 0x5354554e" (ASCII "STUN"). */
    public static final int XOR = 0x5354554e;
    private static final ThreadLocal<CRC32> CRC = ThreadLocal.withInitial(CRC32::new);

    /** The FINGERPRINT value of {@code buf[start..start+length)}: the one place the CRC is computed. */
    public static int compute(ByteBuf buf, int start, int length) {
        CRC32 crc = CRC.get();
        crc.reset();
        crc.update(buf.nioBuffer(start, length));
        return (int) crc.getValue() ^ XOR;
    }

    /** The FINGERPRINT value of {@code raw[0..length)}. */
    public static int compute(byte[] raw, int length) {
        CRC32 crc = CRC.get();
        crc.reset();
        crc.update(raw, 0, length);
        return (int) crc.getValue() ^ XOR;
    }

    @Override
    public int type() {
        return TYPE;
    }

    public static FingerprintAttribute decode(ByteBuf value, byte[] transactionId) throws StunDecoderException {
        if (value.readableBytes() != 4) {
            throw StunDecoderException.badAttribute("FINGERPRINT must be 4 bytes");
        }
        return new FingerprintAttribute(value.getInt(value.readerIndex()));
    }

    @Override
    public void writeValue(ByteBuf out, byte[] transactionId) {
        out.writeInt(crc);
    }
}
