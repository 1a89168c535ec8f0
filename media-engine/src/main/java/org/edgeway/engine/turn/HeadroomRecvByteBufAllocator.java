package org.edgeway.engine.turn;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.DefaultMaxMessagesRecvByteBufAllocator;

/**
 * Receive buffers of a fixed size with {@value #HEADROOM} bytes free in front of the datagram, so that the relay
 * path can prepend a ChannelData header (4 bytes) or a Data indication header (up to 48 bytes) in place and send
 * the very buffer it received: no copy of the application data in either direction. The size is the largest
 * datagram accepted plus one, so an oversized (truncated) datagram is recognisable and dropped. NIO only: native
 * epoll hands each datagram on as a slice starting at the buffer's reader index, where headroom cannot survive;
 * there relayed data is sent gathered from a header and the received bytes ({@code DirectDatagramSender}).
 */
final class HeadroomRecvByteBufAllocator extends DefaultMaxMessagesRecvByteBufAllocator {

    /** STUN header 20 + XOR-PEER-ADDRESS (IPv6) 24 + DATA header 4. */
    static final int HEADROOM = 48;

    private final int size;

    HeadroomRecvByteBufAllocator(int size, int maxMessagesPerRead) {
        super(maxMessagesPerRead);
        this.size = size;
    }

    @Override
    public Handle newHandle() {
        return new MaxMessageHandle() {
            @Override
            public int guess() {
                return size;
            }

            @Override
            public ByteBuf allocate(ByteBufAllocator alloc) {
                ByteBuf buf = alloc.directBuffer(HEADROOM + size);
                buf.setIndex(HEADROOM, HEADROOM);
                return buf;
            }
        };
    }
}
