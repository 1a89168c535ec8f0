package org.edgeway.engine.turn;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.concurrent.ThreadLocalRandom;
import org.edgeway.engine.net.FirstByteDemultiplexer;
import org.edgeway.engine.stun.StunClass;
import org.edgeway.engine.stun.StunMessage;
import org.edgeway.engine.stun.StunMethod;
import org.edgeway.engine.stun.attribute.DataAttribute;
import org.edgeway.engine.stun.attribute.FingerprintAttribute;
import org.edgeway.engine.stun.attribute.XorAddress;
import org.edgeway.engine.stun.attribute.XorPeerAddressAttribute;

/**
 * The relay fast path's wire formats, written straight into pooled buffers without building message objects:
 * ChannelData (RFC 8656 section 12.4) and Data indications (section 11.4).
 *
 * <p>Section 12.4: "The ChannelData message is used to carry application data between the client and the server.
 * [...] Channel Number: 16 bits [...] Length: 16 bits [...] the number of bytes in the Application Data field
 * [...] Over TCP and TLS-over-TCP, the ChannelData message MUST be padded to a multiple of four bytes in order to
 * ensure the alignment of subsequent messages. The padding is not reflected in the length field of the ChannelData
 * message, so the actual size of a ChannelData message (including padding) is (4 + Length) rounded up to the
 * nearest multiple of 4. Over UDP, the padding is not required but MAY be included."
 */
final class TurnWire {

    static final int SEND_INDICATION = StunMethod.messageType(StunMethod.SEND, StunClass.INDICATION);
    static final int DATA_INDICATION = StunMethod.messageType(StunMethod.DATA, StunClass.INDICATION);

    private TurnWire() {
    }

    /**
     * Tells STUN from ChannelData on the listeners (RFC 7983): channels 0x4000-0x4FFF (RFC 8656) or 0x4000-0x7FFF
     * (RFC 5766); whether the number is acceptable is decided by the channel binding lookup.
     */
    static final FirstByteDemultiplexer DEMUX = FirstByteDemultiplexer.legacyChannels();

    /**
     * A ChannelData message carrying {@code data} (not consumed). Written in place, sharing {@code data}'s memory,
     * when there are 4 bytes in front of it and room for the padding behind it; else copied.
     */
    static ByteBuf channelData(ByteBufAllocator alloc, int channel, ByteBuf data, boolean pad) {
        int length = data.readableBytes();
        int padding = pad ? (-length & 3) : 0;
        int at = data.readerIndex() - 4;
        if (at >= 0 && data.isDirect() && data.capacity() - data.writerIndex() >= padding) {
            ByteBuf out = data.retainedDuplicate();
            out.setShort(at, channel);
            out.setShort(at + 2, length);
            out.readerIndex(at);
            if (padding > 0) {
                out.writeZero(padding);
            }
            return out;
        }
        ByteBuf out = alloc.directBuffer(4 + length + padding);
        out.writeShort(channel);
        out.writeShort(length);
        out.writeBytes(data, data.readerIndex(), length);
        if (padding > 0) {
            out.writeZero(padding);
        }
        return out;
    }

    /**
     * A Data indication carrying {@code data} (not consumed), in place when {@code data} has the headroom
     * ({@link HeadroomRecvByteBufAllocator}) and tailroom for padding and FINGERPRINT; else copied.
     */
    static ByteBuf dataIndication(ByteBufAllocator alloc, InetSocketAddress peer, ByteBuf data,
            boolean fingerprint) {
        int length = data.readableBytes();
        boolean v4 = peer.getAddress() instanceof Inet4Address;
        int addressLength = v4 ? 8 : 20;
        int body = 4 + addressLength + 4 + ((length + 3) & ~3) + (fingerprint ? 8 : 0);
        int front = StunMessage.HEADER_LENGTH + 4 + addressLength + 4;
        int back = (-length & 3) + (fingerprint ? 8 : 0);
        if (data.readerIndex() >= front && data.isDirect() && data.capacity() - data.writerIndex() >= back) {
            ByteBuf out = data.retainedDuplicate();
            int start = data.readerIndex() - front;
            out.setIndex(start, start);
            writeIndicationHeader(out, start, peer, v4, addressLength, body, length);
            out.writerIndex(data.writerIndex());
            finishIndication(out, start, length, fingerprint);
            return out;
        }
        ByteBuf out = alloc.directBuffer(StunMessage.HEADER_LENGTH + body);
        int start = out.writerIndex();
        writeIndicationHeader(out, start, peer, v4, addressLength, body, length);
        out.writeBytes(data, data.readerIndex(), length);
        finishIndication(out, start, length, fingerprint);
        return out;
    }

    private static void writeIndicationHeader(ByteBuf out, int start, InetSocketAddress peer, boolean v4,
            int addressLength, int body, int length) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        out.writeShort(DATA_INDICATION);
        out.writeShort(body);
        out.writeInt(StunMessage.MAGIC_COOKIE);
        long t1 = random.nextLong();
        int t2 = random.nextInt();
        out.writeLong(t1);
        out.writeInt(t2);
        out.writeShort(XorPeerAddressAttribute.TYPE);
        out.writeShort(addressLength);
        if (v4) {
            byte[] a = peer.getAddress().getAddress();
            int ip = ((a[0] & 0xFF) << 24) | ((a[1] & 0xFF) << 16) | ((a[2] & 0xFF) << 8) | (a[3] & 0xFF);
            out.writeShort(0x0001);
            out.writeShort(XorAddress.port(peer.getPort()));
            out.writeInt(XorAddress.ipv4(ip));
        } else {
            byte[] tid = new byte[12];
            out.getBytes(start + 8, tid);
            new XorPeerAddressAttribute(peer).writeValue(out, tid);
        }
        out.writeShort(DataAttribute.TYPE);
        out.writeShort(length);
    }

    private static void finishIndication(ByteBuf out, int start, int length, boolean fingerprint) {
        out.writeZero(-length & 3);
        if (fingerprint) {
            int crc = FingerprintAttribute.compute(out, start, out.writerIndex() - start);
            out.writeShort(FingerprintAttribute.TYPE);
            out.writeShort(4);
            out.writeInt(crc);
        }
    }
}
