package org.edgeway.engine.turn;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import org.edgeway.engine.net.DirectDatagramSender;
import org.edgeway.engine.net.PacketKind;

/**
 * A UDP request port read through a Netty channel (NIO, or epoll where {@link NativeUdpSocket} cannot be used):
 * demultiplexes each datagram by its first byte ({@link TurnWire#DEMUX}, RFC 7983 / RFC 8656
 * section 12): 0x00-0x03 is STUN (Send indications take the relay fast path, everything else goes to the {@link TurnRequestProcessor}),
 * 0x40-0x4F is ChannelData; anything else is dropped and counted, as is everything from a source automated
 * protection blocks. Relays written are flushed once per event loop wake-up ({@link FlushBatch}); answers to requests
 * at the end of the read batch. Never throws out of the pipeline.
 */
final class UdpListenerHandler extends ChannelInboundHandlerAdapter {

    private final TurnServer server;
    private final TurnListeners.UdpListener listener;
    /** The socket's direct sender under native epoll (set when added to its channel's pipeline), else null. */
    private DirectDatagramSender direct;

    UdpListenerHandler(TurnServer server, TurnListeners.UdpListener listener) {
        this.server = server;
        this.listener = listener;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        direct = DirectDatagramSender.of(ctx.channel());
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (direct != null) {
            direct.close();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof DatagramPacket packet)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        try {
            ByteBuf content = packet.content();
            InetSocketAddress sender = packet.sender();
            if (server.gate.refuses(sender.getAddress())) {
                server.counters.dropped.increment();
                return;
            }
            int size = content.readableBytes();
            if (size < 4 || size > server.maxDatagramSize) {
                server.counters.malformed.increment();
                return;
            }
            PacketKind kind = TurnWire.DEMUX.kind(content.getUnsignedByte(content.readerIndex()));
            if (kind == PacketKind.CHANNEL_DATA) {
                Allocation a = listener.byClient.get(sender);
                flushLater(a == null ? drop() : server.fastPath.relayChannelData(a, content, false));
            } else if (kind == PacketKind.STUN) {
                if (content.getUnsignedShort(content.readerIndex()) == TurnWire.SEND_INDICATION) {
                    Allocation a = listener.byClient.get(sender);
                    flushLater(a == null ? drop() : server.fastPath.relaySend(a, content));
                } else {
                    server.processor.onStun(new ClientTransport.Udp(ctx.channel(), direct, sender, listener), content);
                }
            } else {
                server.counters.malformed.increment();
            }
        } catch (RuntimeException e) {
            server.counters.malformed.increment();
            TurnServer.LOG.log(java.util.logging.Level.FINE, "dropped after an internal error", e);
        } finally {
            packet.release();
        }
    }

    private Allocation.Relay drop() {
        server.counters.dropped.increment();
        return null;
    }

    private static void flushLater(Allocation.Relay relay) {
        if (relay != null) {
            FlushBatch.add(relay.channel);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        server.counters.malformed.increment();
    }
}
