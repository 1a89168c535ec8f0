package org.edgeway.engine.stun.attribute;

import io.netty.buffer.ByteBuf;
import org.edgeway.engine.stun.StunDecoderException;

/**
 * REQUESTED-ADDRESS-FAMILY and ADDITIONAL-ADDRESS-FAMILY share one value format (RFC 8656 sections 18.8 and 18.11):
 * "Family (8 bits), RFFU (24 bits)" with Family 0x01 IPv4, 0x02 IPv6.
 */
public interface FamilyAttribute extends StunAttribute {

    /** The family octet as sent. */
    int familyCode();

    /** The family, or null when the code is not one RFC 8656 defines. */
    default AddressFamily family() {
        return AddressFamily.of(familyCode());
    }

    @Override
    default void writeValue(ByteBuf out, byte[] transactionId) {
        out.writeByte(familyCode());
        out.writeByte(0);
        out.writeShort(0);
    }

    /** Reads the family octet of a 4-byte value; {@code name} is the attribute's name for the error. */
    static int readFamilyCode(ByteBuf value, String name) throws StunDecoderException {
        if (value.readableBytes() != 4) {
            throw StunDecoderException.badAttribute(name + " must be 4 bytes");
        }
        return value.getUnsignedByte(value.readerIndex());
    }
}
