package org.edgeway.engine.turn;

import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import org.edgeway.engine.stun.StunDecoderException;
import org.edgeway.engine.stun.StunMessage;
import org.edgeway.engine.stun.attribute.DataAttribute;
import org.edgeway.engine.stun.attribute.DontFragmentAttribute;
import org.edgeway.engine.stun.attribute.FingerprintAttribute;
import org.edgeway.engine.stun.attribute.StunAttributes;
import org.edgeway.engine.stun.attribute.XorAddress;
import org.edgeway.engine.stun.attribute.XorPeerAddressAttribute;

/**
 * The relay fast paths from the client (RFC 8656 sections 10.2 and 12.6): Send indications parsed in place and
 * ChannelData, their application data handed to the peer without a copy. Called on the client's event loop for
 * every relayed packet: no allocation under native epoll, no lookup beyond the allocation's own.
 */
final class RelayFastPath {

    private final TurnServer server;

    RelayFastPath(TurnServer server) {
        this.server = server;
    }

    /**
     * A Send indication (section 10.2), parsed in place: XOR-PEER-ADDRESS and DATA are required, a FINGERPRINT if
     * present must verify, unknown comprehension-required attributes make the indication be discarded, and the
     * peer must have a permission. The DATA bytes go to the peer without a copy.
     *
     * @return the relay written to, or null if dropped
     */
    Allocation.Relay relaySend(Allocation a, ByteBuf buf) {
        int start = buf.readerIndex();
        int size = buf.readableBytes();
        if (size < StunMessage.HEADER_LENGTH || buf.getInt(start + 4) != StunMessage.MAGIC_COOKIE) {
            return dropped(a);
        }
        int length = buf.getUnsignedShort(start + 2);
        if ((length & 3) != 0 || length + StunMessage.HEADER_LENGTH != size) {
            return dropped(a);
        }
        int end = start + size;
        int offset = start + StunMessage.HEADER_LENGTH;
        int peerAt = -1;
        int peerLength = 0;
        int dataAt = -1;
        int dataLength = 0;
        while (offset + 4 <= end) {
            int type = buf.getUnsignedShort(offset);
            int attributeLength = buf.getUnsignedShort(offset + 2);
            int value = offset + 4;
            if (value + attributeLength > end) {
                return dropped(a);
            }
            if (type == XorPeerAddressAttribute.TYPE) {
                if (peerAt < 0) {
                    peerAt = value;
                    peerLength = attributeLength;
                }
            } else if (type == DataAttribute.TYPE) {
                if (dataAt < 0) {
                    dataAt = value;
                    dataLength = attributeLength;
                }
            } else if (type == FingerprintAttribute.TYPE) {
                if (attributeLength != 4 || value + 4 != end
                        || buf.getInt(value) != FingerprintAttribute.compute(buf, start, offset - start)) {
                    return dropped(a);
                }
            } else if (type < 0x8000 && type != DontFragmentAttribute.TYPE && !StunAttributes.isKnown(type)) {
                return dropped(a);
            }
            offset = value + ((attributeLength + 3) & ~3);
        }
        if (peerAt < 0 || dataAt < 0) {
            return dropped(a);
        }
        InetSocketAddress peer;
        int family = buf.getUnsignedByte(peerAt + 1);
        int port = XorAddress.port(buf.getUnsignedShort(peerAt + 2));
        if (family == 0x01 && peerLength == 8) {
            peer = a.peer4(XorAddress.ipv4(buf.getInt(peerAt + 4)), port);
        } else if (family == 0x02 && peerLength == 20) {
            try {
                byte[] tid = new byte[12];
                buf.getBytes(start + 8, tid);
                peer = XorPeerAddressAttribute.decode(buf.slice(peerAt, peerLength), tid).address();
            } catch (StunDecoderException e) {
                return dropped(a);
            }
        } else {
            return dropped(a);
        }
        if (!a.permitted(peer.getAddress(), System.nanoTime())) {
            return dropped(a);
        }
        return a.toPeer(buf, dataAt, dataLength, peer);
    }

    /**
     * ChannelData from the client (section 12.6): the channel must be bound; the application data goes to its
     * peer without a copy. Over UDP extra bytes after the data (padding) are ignored.
     */
    Allocation.Relay relayChannelData(Allocation a, ByteBuf buf, boolean tcp) {
        int start = buf.readerIndex();
        int number = buf.getUnsignedShort(start);
        int length = buf.getUnsignedShort(start + 2);
        if (4 + length > buf.readableBytes()) {
            return dropped(a);
        }
        Allocation.ChannelBinding binding = a.channelByNumber(number);
        if (binding == null || binding.expiresNanos - System.nanoTime() <= 0) {
            return dropped(a);
        }
        return a.toPeer(buf, start + 4, length, binding.peer);
    }

    private Allocation.Relay dropped(Allocation a) {
        a.dropped();
        server.counters.dropped.increment();
        return null;
    }
}
