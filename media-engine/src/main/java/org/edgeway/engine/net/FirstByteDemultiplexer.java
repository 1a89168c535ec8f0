package org.edgeway.engine.net;

/**
 * Tells the protocols sharing one port apart by the first byte, as RFC 7983 section 7 (updating RFC 5764) lays
 * out: 0-3 STUN, 16-19 ZRTP, 20-63 DTLS, 64-79 TURN ChannelData, 128-191 RTP/RTCP, anything else dropped. Used by
 * the TURN listeners now, and by the media ports of the SIP edge (B2BUA, demultiplexing ports) next.
 *
 * <p>RFC 5766 allowed channel numbers up to 0x7FFF; {@link #legacyChannels()} also classifies 80-127 as
 * ChannelData for such clients (still sent by e.g. coturn 4.6), at the price of those bytes' other uses.
 * One array lookup per packet, no allocation.
 */
public final class FirstByteDemultiplexer {

    private static final FirstByteDemultiplexer RFC_7983 = new FirstByteDemultiplexer(0x4F);
    private static final FirstByteDemultiplexer LEGACY_CHANNELS = new FirstByteDemultiplexer(0x7F);

    private final PacketKind[] kinds = new PacketKind[256];

    private FirstByteDemultiplexer(int lastChannelByte) {
        for (int b = 0; b < 256; b++) {
            kinds[b] = b <= 3 ? PacketKind.STUN
                    : b >= 16 && b <= 19 ? PacketKind.ZRTP
                    : b >= 20 && b <= 63 ? PacketKind.DTLS
                    : b >= 64 && b <= lastChannelByte ? PacketKind.CHANNEL_DATA
                    : b >= 128 && b <= 191 ? PacketKind.RTP
                    : PacketKind.UNKNOWN;
        }
    }

    /** The ranges of RFC 7983: ChannelData is 64-79 only. */
    public static FirstByteDemultiplexer rfc7983() {
        return RFC_7983;
    }

    /** RFC 7983 with ChannelData widened to 64-127 (channel numbers 0x4000-0x7FFF of RFC 5766). */
    public static FirstByteDemultiplexer legacyChannels() {
        return LEGACY_CHANNELS;
    }

    /** The kind of a packet whose first byte (0-255) is {@code firstByte}. */
    public PacketKind kind(int firstByte) {
        return kinds[firstByte & 0xFF];
    }
}
