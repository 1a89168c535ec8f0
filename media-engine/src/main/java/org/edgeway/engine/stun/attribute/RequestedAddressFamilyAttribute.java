package org.edgeway.engine.stun.attribute;

import io.netty.buffer.ByteBuf;
import org.edgeway.engine.stun.StunDecoderException;

/**
 * REQUESTED-ADDRESS-FAMILY (RFC 8656 section 18.8, first defined in RFC 6156): "This attribute is used in Allocate
 * and Refresh requests to specify the address type requested by the client. The value of this attribute is 4
 * bytes with the following format: Family (8 bits), RFFU (24 bits)" where Family is "0x01:IPv4, 0x02:IPv6".
 *
 * @param familyCode the family octet as sent (0x01 IPv4, 0x02 IPv6; anything else is answered with 440)
 */
public record RequestedAddressFamilyAttribute(int familyCode) implements FamilyAttribute {

    public static final int TYPE = 0x0017;

    public RequestedAddressFamilyAttribute(AddressFamily family) {
        this(family.code());
    }

    @Override
    public int type() {
        return TYPE;
    }

    public static RequestedAddressFamilyAttribute decode(ByteBuf value, byte[] transactionId) throws StunDecoderException {
        return new RequestedAddressFamilyAttribute(FamilyAttribute.readFamilyCode(value, "REQUESTED-ADDRESS-FAMILY"));
    }
}
