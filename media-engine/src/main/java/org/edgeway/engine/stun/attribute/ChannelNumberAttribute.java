package org.edgeway.engine.stun.attribute;

import io.netty.buffer.ByteBuf;
import org.edgeway.engine.stun.StunDecoderException;

/**
 * CHANNEL-NUMBER (RFC 8656 section 18.1): "The CHANNEL-NUMBER attribute contains the number of the channel. The
 * value portion of this attribute is 4 bytes long and consists of a 16-bit unsigned integer followed by a
 * two-octet RFFU (Reserved For Future Use) field, which MUST be set to 0 on transmission and MUST be ignored on
 * reception." Valid channel numbers are 0x4000 through 0x4FFF (section 12).
 *
 * @param channel the channel number as sent (range checked by the TURN server, not here)
 */
public record ChannelNumberAttribute(int channel) implements StunAttribute {

    public static final int TYPE = 0x000C;
    public static final int MIN_CHANNEL = 0x4000;
    public static final int MAX_CHANNEL = 0x4FFF;

    @Override
    public int type() {
        return TYPE;
    }

    /** Upper end of the RFC 5766 range (section 11: "0x4000 through 0x7FFF"). */
    public static final int MAX_CHANNEL_RFC5766 = 0x7FFF;

    /** True if the number is in the range RFC 8656 section 12 allows (0x4000 through 0x4FFF). */
    public boolean valid() {
        return channel >= MIN_CHANNEL && channel <= MAX_CHANNEL;
    }

    /**
     * True if the number is in the older RFC 5766 range 0x4000 through 0x7FFF, which RFC 8656 narrowed so that
     * 0x5000-0xFFFF stay free for RFC 7983 demultiplexing with DTLS-SRTP. RFC 5766 clients (coturn 4.6's
     * turnutils_uclient among them) still pick numbers up to 0x7FFF.
     */
    public boolean validRfc5766() {
        return channel >= MIN_CHANNEL && channel <= MAX_CHANNEL_RFC5766;
    }

    public static ChannelNumberAttribute decode(ByteBuf value, byte[] transactionId) throws StunDecoderException {
        if (value.readableBytes() != 4) {
            throw StunDecoderException.badAttribute("CHANNEL-NUMBER must be 4 bytes");
        }
        return new ChannelNumberAttribute(value.getUnsignedShort(value.readerIndex()));
    }

    @Override
    public void writeValue(ByteBuf out, byte[] transactionId) {
        out.writeShort(channel);
        out.writeShort(0);
    }
}
