package org.edgeway.engine.rtp;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import org.edgeway.engine.NodeRole;
import org.edgeway.engine.SystemSize;
import org.edgeway.engine.net.BoundDatagram;
import org.edgeway.engine.net.RelayPortPool;
import org.edgeway.engine.net.Transports;
import org.edgeway.engine.stun.attribute.AddressFamily;

/**
 * The node's media relay: opens relayed streams on RTP/RTCP port pairs (even RTP port, RTCP the next) from the
 * traversal media range and, on an Expressway-E, keeps the demultiplexing pair open for the sides facing the
 * Expressway-C, telling their streams apart by the C's address (seed 003: 36000/36001 on Small/Medium, or the
 * configured pair; per-call pairs from 36002, or 36012 on Large).
 */
public final class MediaRelay {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(
            MediaRelay.class.getName());
    private final EventLoopGroup loops;
    private final InetAddress bind;
    private final MediaConfig config;
    private final SystemSize size;
    private final boolean demultiplexing;
    private final RelayPortPool pool;
    /** Demultiplexed sides by the address their peer sends from; the key's RTCP flag. */
    private final ConcurrentHashMap<InetSocketAddress, Route> demuxRoutes = new ConcurrentHashMap<>();
    /** The addresses each demultiplexed side is routed by, so that ending a call does not walk every route. */
    private final ConcurrentHashMap<RelayEndpoint, InetSocketAddress[]> demuxKeys = new ConcurrentHashMap<>();
    private volatile Channel demuxRtp;
    private volatile Channel demuxRtcp;

    private record Route(RelayEndpoint endpoint, boolean control) {
    }

    public MediaRelay(EventLoopGroup loops, InetAddress bind, MediaConfig config, NodeRole role, SystemSize size) {
        this.loops = loops;
        this.bind = bind;
        this.config = config;
        this.size = size;
        this.demultiplexing = role == NodeRole.EXPRESSWAY_E;
        int first = config.firstCallPort(size, demultiplexing);
        this.pool = new RelayPortPool(bind, null, first, config.rangeEnd());
    }

    public MediaConfig config() {
        return config;
    }

    /**
     * Binds the demultiplexing pair on an Expressway-E, once: on the first call that needs it, so a node that
     * relays no traversal call holds no media port.
     */
    private synchronized void demux() throws IOException {
        if (demuxRtp != null) {
            return;
        }
        int port = config.demuxPort(size);
        Channel rtp = register(Transports.bindDatagram(AddressFamily.IPV4, new InetSocketAddress(bind, port)),
                loop(), new DemuxHandler(false));
        try {
            demuxRtcp = register(Transports.bindDatagram(AddressFamily.IPV4, new InetSocketAddress(bind, port + 1)),
                    loop(), new DemuxHandler(true));
        } catch (IOException e) {
            rtp.close();
            throw new IOException("demultiplexing ports " + port + "/" + (port + 1) + ": " + e.getMessage(), e);
        }
        demuxRtp = rtp;
    }

    /** The demultiplexing RTP address of an Expressway-E (bound or not), or null on a C. */
    public InetSocketAddress demuxAddress() {
        return demultiplexing ? new InetSocketAddress(bind, config.demuxPort(size)) : null;
    }

    /**
     * A new relayed stream; a side marked {@code demultiplexed} uses the shared pair (an E's side facing its C).
     *
     * @throws IOException when the range has no free pair left
     */
    public RelayedStream open(String media, int clockRate, boolean callerDemultiplexed,
            boolean calleeDemultiplexed) throws IOException {
        EventLoop loop = loop();
        RelayEndpoint caller = endpoint(media, clockRate, callerDemultiplexed, loop);
        RelayEndpoint callee;
        try {
            callee = endpoint(media, clockRate, calleeDemultiplexed, loop);
        } catch (IOException e) {
            caller.close();
            throw e;
        }
        return new RelayedStream(caller, callee, this);
    }

    private RelayEndpoint endpoint(String media, int clockRate, boolean demultiplexed, EventLoop loop)
            throws IOException {
        if (demultiplexed && demultiplexing) {
            try {
                demux();
                return new RelayEndpoint(media, demuxRtp, demuxRtcp, demuxAddress(), true, clockRate);
            } catch (IOException e) {
                // the call still goes through, on a pair of its own, as a non-demultiplexing E would relay it
                LOG.warning("media demultiplexing unavailable, relaying on a per-call pair: " + e.getMessage());
            }
        }
        RelayPortPool.Bound bound = pool.bind(AddressFamily.IPV4, true, true);
        if (bound == null) {
            throw new IOException("no free RTP/RTCP port pair in " + config.rangeStart() + "-" + config.rangeEnd());
        }
        RelayPortPool.Reservation next = pool.take(bound.reservationToken());
        if (next == null) {
            pool.release(bound.socket(), AddressFamily.IPV4);
            throw new IOException("RTCP port of " + bound.socket().port() + " lost");
        }
        int port = bound.socket().port();
        RelayEndpoint[] self = new RelayEndpoint[1];
        Channel rtp = register(bound.socket(), loop, new SideHandler(self, false));
        Channel rtcp = register(next.socket(), loop, new SideHandler(self, true));
        rtp.closeFuture().addListener(f -> pool.free(AddressFamily.IPV4, port));
        rtcp.closeFuture().addListener(f -> pool.free(AddressFamily.IPV4, port + 1));
        self[0] = new RelayEndpoint(media, rtp, rtcp, new InetSocketAddress(bind, port), false, clockRate);
        return self[0];
    }

    void declare(RelayEndpoint side, InetSocketAddress rtp, InetSocketAddress rtcp) {
        if (side.demultiplexed()) {
            forget(side);
            demuxRoutes.put(rtp, new Route(side, false));
            demuxRoutes.put(rtcp, new Route(side, true));
            demuxKeys.put(side, new InetSocketAddress[] {rtp, rtcp});
        }
        side.declare(rtp, rtcp);
    }

    void release(RelayedStream stream) {
        for (RelayEndpoint side : new RelayEndpoint[] {stream.callerSide(), stream.calleeSide()}) {
            forget(side);
            side.peer = null;
            side.close();
        }
    }

    private void forget(RelayEndpoint side) {
        InetSocketAddress[] keys = side.demultiplexed() ? demuxKeys.remove(side) : null;
        if (keys != null) {
            for (InetSocketAddress key : keys) {
                demuxRoutes.computeIfPresent(key, (k, route) -> route.endpoint() == side ? null : route);
            }
        }
    }

    /** Closes the demultiplexing pair (per-call sockets close with their calls). */
    public synchronized void close() {
        if (demuxRtp != null) {
            demuxRtp.close();
            demuxRtcp.close();
        }
        pool.closeAll();
    }

    private static Channel register(BoundDatagram socket, EventLoop loop, SimpleChannelInboundHandler<?> handler) {
        DatagramChannel ch = socket.toChannel();
        ch.config().setAllocator(Transports.packetAllocator());
        ch.pipeline().addLast(handler);
        // Registered before the socket is used: a side that sent before its registration ran (the loop may read
        // the other side's first packet first) never started reading. On the loop itself registration is
        // immediate; any other thread waits for it.
        ChannelFuture registered = loop.register(ch);
        if (!loop.inEventLoop()) {
            registered.syncUninterruptibly();
        }
        return ch;
    }

    /**
     * The loop a stream's sockets go on: the caller's own when it runs on one of the relay's loops (registration
     * is then immediate, and no loop ever waits for another), else the next one.
     */
    private EventLoop loop() {
        for (EventExecutor e : loops) {
            if (e.inEventLoop()) {
                return (EventLoop) e;
            }
        }
        return loops.next();
    }

    /** A side's own socket: everything on it comes from that side's peer. */
    private static final class SideHandler extends SimpleChannelInboundHandler<DatagramPacket> {
        private final RelayEndpoint[] side;
        private final boolean control;

        SideHandler(RelayEndpoint[] side, boolean control) {
            this.side = side;
            this.control = control;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            RelayEndpoint e = side[0];
            if (e != null) {
                e.received(control, packet);
            }
        }
    }

    /** The shared demultiplexing socket: a packet belongs to the side whose peer sends from its source. */
    private final class DemuxHandler extends SimpleChannelInboundHandler<DatagramPacket> {
        private final boolean control;

        DemuxHandler(boolean control) {
            this.control = control;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            Route route = demuxRoutes.get(packet.sender());
            if (route != null && route.control() == control) {
                route.endpoint().received(control, packet);
            }
        }
    }
}
