package org.edgeway.engine.turn;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import org.edgeway.engine.net.PacketKind;

/**
 * One TURN client over TCP or TLS-over-TCP (RFC 8656 section 3.1: the connection is the 5-tuple; for TLS an
 * {@code SslHandler} sits before this in the pipeline). Frames come from
 * {@link TcpFrameDecoder}; demultiplexing and the relay fast path are the same as over UDP. Closing the connection
 * deletes the allocation; a connection idle for {@value TurnServer#TCP_IDLE_SECONDS} s without an allocation is
 * closed.
 */
final class TcpConnectionHandler extends ChannelInboundHandlerAdapter {

    private final TurnServer server;
    private final TurnListeners.TcpListener listener;
    private ClientTransport.Tcp transport;

    TcpConnectionHandler(TurnServer server, TurnListeners.TcpListener listener) {
        this.server = server;
        this.listener = listener;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (ctx.channel().remoteAddress() instanceof java.net.InetSocketAddress remote
                && server.gate.refuses(remote.getAddress())) {
            server.counters.tcpRefused.increment(); // blocked by automated protection
            ctx.close();
            return;
        }
        transport = new ClientTransport.Tcp(ctx.channel(), listener);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf frame)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        try {
            Allocation a = transport.allocation();
            if (TurnWire.DEMUX.kind(frame.getUnsignedByte(frame.readerIndex())) == PacketKind.CHANNEL_DATA) {
                flushLater(a == null ? null : server.fastPath.relayChannelData(a, frame, true));
            } else if (frame.getUnsignedShort(frame.readerIndex()) == TurnWire.SEND_INDICATION) {
                flushLater(a == null ? null : server.fastPath.relaySend(a, frame));
            } else {
                server.processor.onStun(transport, frame);
            }
        } catch (RuntimeException e) {
            server.counters.malformed.increment();
            TurnServer.LOG.log(java.util.logging.Level.FINE, "dropped after an internal error", e);
        } finally {
            frame.release();
        }
    }

    private void flushLater(Allocation.Relay relay) {
        if (relay != null) {
            FlushBatch.add(relay.channel);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent && transport.allocation() == null) {
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Allocation a = transport == null ? null : transport.allocation();
        if (a != null) {
            server.delete(a, "connection closed");
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // connection reset and the like
        ctx.close();
    }
}
