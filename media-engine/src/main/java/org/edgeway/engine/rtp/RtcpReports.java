package org.edgeway.engine.rtp;

import io.netty.buffer.ByteBuf;

/**
 * Reads the report blocks of RTCP sender and receiver reports (RFC 3550 6.4) in a compound packet: the cumulative
 * number of packets lost and the interarrival jitter (timestamp units) of the last block seen.
 */
final class RtcpReports {

    static final int SR = 200;
    static final int RR = 201;

    /** The last report block read: cumulative lost and jitter, or null when the packet held none. */
    record Block(long cumulativeLost, long jitter) {
    }

    private RtcpReports() {
    }

    /** The last report block of a compound RTCP packet (bytes from the reader index), null if none or malformed. */
    static Block lastBlock(ByteBuf packet) {
        int at = packet.readerIndex();
        int end = packet.writerIndex();
        Block last = null;
        while (at + 4 <= end) {
            int first = packet.getUnsignedByte(at);
            if (first >> 6 != 2) {
                return last; // not RTP version 2: not RTCP
            }
            int count = first & 0x1f;
            int type = packet.getUnsignedByte(at + 1);
            int length = (packet.getUnsignedShort(at + 2) + 1) * 4;
            if (at + length > end) {
                return last;
            }
            int blocks = type == SR ? at + 28 : type == RR ? at + 8 : -1;
            if (blocks > 0 && count > 0 && blocks + count * 24 <= at + length) {
                int b = blocks + (count - 1) * 24;
                long lost = packet.getUnsignedMedium(b + 5);
                long jitter = packet.getUnsignedInt(b + 12);
                last = new Block(lost, jitter);
            }
            at += length;
        }
        return last;
    }
}
