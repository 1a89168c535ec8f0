package org.edgeway.engine.turn;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;

/**
 * Inbound side of a relay channel under NIO (native epoll reads relays with {@link NativeRelaySocket}): datagrams
 * from peers, forwarded to the allocation's client (RFC 8656 sections 11.3 and 12.7). The client is flushed once
 * per event loop wake-up ({@link FlushBatch}). Never throws: anything unexpected is counted and dropped.
 */
final class RelayHandler extends ChannelInboundHandlerAdapter {

    private final Allocation allocation;
    private final TurnServer server;

    RelayHandler(Allocation allocation, TurnServer server) {
        this.allocation = allocation;
        this.server = server;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof DatagramPacket packet)) {
            io.netty.util.ReferenceCountUtil.release(msg);
            return;
        }
        try {
            if (packet.content().readableBytes() > server.maxDatagramSize) {
                allocation.dropped();
                server.counters.dropped.increment();
                return;
            }
            allocation.fromPeer(packet.content(), packet.sender());
        } catch (RuntimeException e) {
            server.counters.dropped.increment();
        } finally {
            packet.release();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // e.g. ICMP port unreachable surfaced by the OS: the peer went away; nothing to do
        server.counters.dropped.increment();
    }
}
