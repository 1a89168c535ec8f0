package org.edgeway.engine.stun.attribute;

import io.netty.buffer.ByteBuf;
import org.edgeway.engine.stun.StunDecoderException;

/**
 * ADDITIONAL-ADDRESS-FAMILY (RFC 8656 section 18.11): "This attribute is used by clients to request the allocation
 * of an IPv4 and IPv6 address type from a server. [...] The ADDITIONAL-ADDRESS-FAMILY attribute MAY be present in
 * the Allocate request. The attribute value of 0x02 (IPv6 address) is the only valid value in Allocate request."
 *
 * @param familyCode the family octet as sent (0x01 IPv4, 0x02 IPv6; anything else is answered with 440)
 */
public record AdditionalAddressFamilyAttribute(int familyCode) implements FamilyAttribute {

    public static final int TYPE = 0x8000;

    public AdditionalAddressFamilyAttribute(AddressFamily family) {
        this(family.code());
    }

    @Override
    public int type() {
        return TYPE;
    }

    public static AdditionalAddressFamilyAttribute decode(ByteBuf value, byte[] transactionId) throws StunDecoderException {
        return new AdditionalAddressFamilyAttribute(FamilyAttribute.readFamilyCode(value, "ADDITIONAL-ADDRESS-FAMILY"));
    }
}
