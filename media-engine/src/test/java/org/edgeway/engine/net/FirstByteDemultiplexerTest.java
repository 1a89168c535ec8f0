package org.edgeway.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FirstByteDemultiplexerTest {

    /** Every first byte against the table of RFC 7983 section 7, counted per kind. */
    @Test
    void classifiesEveryFirstByteAsRfc7983Says() {
        FirstByteDemultiplexer demux = FirstByteDemultiplexer.rfc7983();
        Map<PacketKind, Integer> counts = new EnumMap<>(PacketKind.class);
        for (int b = 0; b < 256; b++) {
            counts.merge(demux.kind(b), 1, Integer::sum);
        }
        assertEquals(4, counts.get(PacketKind.STUN));
        assertEquals(4, counts.get(PacketKind.ZRTP));
        assertEquals(44, counts.get(PacketKind.DTLS));
        assertEquals(16, counts.get(PacketKind.CHANNEL_DATA));
        assertEquals(64, counts.get(PacketKind.RTP));
        assertEquals(256 - 4 - 4 - 44 - 16 - 64, counts.get(PacketKind.UNKNOWN));
    }

    @Test
    void rangeEdges() {
        FirstByteDemultiplexer demux = FirstByteDemultiplexer.rfc7983();
        assertEquals(PacketKind.STUN, demux.kind(0));
        assertEquals(PacketKind.STUN, demux.kind(3));
        assertEquals(PacketKind.UNKNOWN, demux.kind(4));
        assertEquals(PacketKind.UNKNOWN, demux.kind(15));
        assertEquals(PacketKind.ZRTP, demux.kind(16));
        assertEquals(PacketKind.ZRTP, demux.kind(19));
        assertEquals(PacketKind.DTLS, demux.kind(20)); // change_cipher_spec
        assertEquals(PacketKind.DTLS, demux.kind(22)); // handshake
        assertEquals(PacketKind.DTLS, demux.kind(63));
        assertEquals(PacketKind.CHANNEL_DATA, demux.kind(64));
        assertEquals(PacketKind.CHANNEL_DATA, demux.kind(79));
        assertEquals(PacketKind.UNKNOWN, demux.kind(80));
        assertEquals(PacketKind.UNKNOWN, demux.kind(127));
        assertEquals(PacketKind.RTP, demux.kind(128)); // version 2, no padding, no extension, no CSRC
        assertEquals(PacketKind.RTP, demux.kind(191));
        assertEquals(PacketKind.UNKNOWN, demux.kind(192));
        assertEquals(PacketKind.UNKNOWN, demux.kind(255));
    }

    @Test
    void legacyChannelsWidenChannelDataOnly() {
        FirstByteDemultiplexer strict = FirstByteDemultiplexer.rfc7983();
        FirstByteDemultiplexer legacy = FirstByteDemultiplexer.legacyChannels();
        for (int b = 0; b < 256; b++) {
            PacketKind expected = b >= 80 && b <= 127 ? PacketKind.CHANNEL_DATA : strict.kind(b);
            assertEquals(expected, legacy.kind(b), "first byte " + b);
        }
    }

    @Test
    void onlyTheLowEightBitsCount() {
        assertEquals(PacketKind.RTP, FirstByteDemultiplexer.rfc7983().kind(0x180));
    }
}
