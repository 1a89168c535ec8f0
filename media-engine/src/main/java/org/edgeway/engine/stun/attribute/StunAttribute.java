package org.edgeway.engine.stun.attribute;

import io.netty.buffer.ByteBuf;

/**
 * A STUN attribute (RFC 8489 section 14): "After the STUN header are zero or more attributes. Each attribute MUST
 * be TLV encoded, with a 16-bit type, 16-bit length, and value. Each STUN attribute MUST end on a 32-bit
 * boundary."
 */
public interface StunAttribute {

    /** The 16-bit attribute type. */
    int type();

    /**
     * Writes the value only (the encoder writes the type, the length and the padding).
     *
     * @param out           destination
     * @param transactionId the message's 12-byte transaction ID (used by the XOR address attributes)
     */
    void writeValue(ByteBuf out, byte[] transactionId);

    /**
     * RFC 8489 section 14: "Attributes with type values between 0x0000 and 0x7FFF are comprehension-required
     * attributes, which means that the STUN agent cannot successfully process the message unless it understands
     * the attribute."
     */
    default boolean comprehensionRequired() {
        return type() < 0x8000;
    }
}
