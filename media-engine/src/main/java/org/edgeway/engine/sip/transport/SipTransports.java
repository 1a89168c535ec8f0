package org.edgeway.engine.sip.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.edgeway.engine.sip.message.SipCodec;
import org.edgeway.engine.zones.ZoneConfig.Transport;
import org.edgeway.engine.net.Transports;

/**
 * The SIP listeners (UDP, TCP, TLS) of one node on the engine's event loops, and the sending side: responses go
 * back over the connection the request came on, requests reuse an open connection to the same address or open one
 * (RFC 3261 18). Every received message passes the per-source limits before it reaches {@link SipInbound}.
 */
public final class SipTransports {

    static final int IDLE_SECONDS = 600;
    /** Read buffer of the UDP listener: any datagram's payload fits (at most 65,527 octets, over IPv6). */
    static final int MAX_DATAGRAM = 65_536;
    /** The zone a connection belongs to (traversal zones), or absent for the node's general listeners. */
    public static final AttributeKey<String> ZONE = AttributeKey.valueOf("edgeway.sip.zone");

    /** A TLS connection's checks once its handshake is done: null to keep it, else why it is closed. */
    @FunctionalInterface
    public interface HandshakeCheck {
        String check(SslHandler ssl);
    }

    private final EventLoopGroup loops;
    private final InetAddress bind;
    private final SipCodec codec;
    private final SipInbound inbound;
    private final SipCounters counters;
    private final SourceLimits limits;
    private final Map<Transport, Channel> listeners = new EnumMap<>(Transport.class);
    private final Map<String, Channel> zoneListeners = new ConcurrentHashMap<>();
    /** The UDP listener's sockets, one per event loop (the first is {@code listeners}' UDP entry). */
    private final List<Channel> udpSockets = new CopyOnWriteArrayList<>();
    /** Open connections by transport and remote address, accepted and opened alike. */
    private final Map<String, Channel> connections = new ConcurrentHashMap<>();
    private volatile Supplier<SslContext> serverTls;
    private volatile Supplier<SslContext> clientTls;
    private volatile Duration handshakeTimeout = Duration.ofSeconds(5);

    public SipTransports(EventLoopGroup loops, InetAddress bind, SipCodec codec, SipInbound inbound,
            SipCounters counters, SourceLimits limits) {
        this.loops = loops;
        this.bind = bind;
        this.codec = codec;
        this.inbound = inbound;
        this.counters = counters;
        this.limits = limits;
    }

    /** TLS material: the server context for the TLS listener, the client one for connections this node opens. */
    public void tls(Supplier<SslContext> server, Supplier<SslContext> client, Duration handshake) {
        this.serverTls = server;
        this.clientTls = client;
        this.handshakeTimeout = handshake;
    }

    /**
     * The UDP listener: one socket per event loop on the same port ({@code SO_REUSEPORT}) when there are several
     * loops, so that whichever loop handles a message sends its answer from its own socket (same source address and
     * port) without handing the write to another loop.
     */
    public InetSocketAddress bindUdp(int port) throws IOException {
        List<EventLoop> each = new ArrayList<>();
        for (EventExecutor e : loops) {
            each.add((EventLoop) e);
        }
        List<Channel> bound = new ArrayList<>();
        int actual = port;
        try {
            for (EventLoop loop : each) {
                ChannelFuture f = udpBootstrap(loop, each.size() > 1).bind(new InetSocketAddress(bind, actual));
                f.awaitUninterruptibly();
                if (!f.isSuccess()) {
                    throw new IOException("cannot bind SIP UDP on " + bind.getHostAddress() + ":" + actual + ": "
                            + f.cause().getMessage(), f.cause());
                }
                bound.add(f.channel());
                actual = ((InetSocketAddress) f.channel().localAddress()).getPort();
            }
        } catch (IOException | RuntimeException e) {
            bound.forEach(c -> c.close().awaitUninterruptibly(2, TimeUnit.SECONDS));
            throw e;
        }
        synchronized (listeners) {
            listeners.put(Transport.UDP, bound.get(0));
        }
        udpSockets.addAll(bound);
        return (InetSocketAddress) bound.get(0).localAddress();
    }

    private Bootstrap udpBootstrap(EventLoop loop, boolean shared) {
        Bootstrap b = new Bootstrap().group(loop).channel(Transports.datagramChannel())
                .option(ChannelOption.SO_RCVBUF, 1 << 20).option(ChannelOption.SO_SNDBUF, 1 << 20)
                // Netty reads datagrams into 2,048 octets by default, cutting longer SIP messages (RFC 4475 longreq)
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM))
                // pooled buffers with per-thread caches: a response's direct send buffer is allocated and freed
                // on this loop, without the default adaptive allocator's shared queues
                .option(ChannelOption.ALLOCATOR, Transports.packetAllocator())
                .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
                        InetSocketAddress from = packet.sender();
                        if (!limits.acceptMessage(from.getAddress())) {
                            counters.rateLimited.increment();
                            return;
                        }
                        ByteBuf content = packet.content();
                        if (isKeepAlive(content)) {
                            return;
                        }
                        inbound.receive(ByteBufUtil.getBytes(content), new Flow(Transport.UDP, from, ctx.channel()),
                                true);
                    }
                });
        if (shared) {
            Transports.reusePort(b);
        }
        return b;
    }

    /** A TCP listener, or with {@code tls} the TLS listener (the server context must be set). */
    public InetSocketAddress bindStream(Transport transport, int port) throws IOException {
        return bindStream(transport, port, () -> serverTls.get(), null, null);
    }

    /**
     * A stream listener; for TLS with its own context, and tagged with a zone (a traversal server zone's port),
     * whose connections pass {@code check} after the handshake.
     */
    public InetSocketAddress bindStream(Transport transport, int port, Supplier<SslContext> tls, String zone,
            HandshakeCheck check) throws IOException {
        ServerBootstrap b = new ServerBootstrap().group(loops, loops).channel(Transports.serverSocketChannel())
                .option(ChannelOption.SO_BACKLOG, 1024).option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        InetAddress source = ch.remoteAddress().getAddress();
                        if (!limits.openConnection(source)) {
                            counters.rateLimited.increment();
                            ch.close();
                            return;
                        }
                        ch.closeFuture().addListener(f -> limits.closeConnection(source));
                        if (zone != null) {
                            ch.attr(ZONE).set(zone);
                        }
                        if (transport == Transport.TLS) {
                            SslHandler ssl = tls.get().newHandler(ch.alloc());
                            ssl.setHandshakeTimeoutMillis(handshakeTimeout.toMillis());
                            ch.pipeline().addLast(ssl);
                            checkAfterHandshake(ch, ssl, check);
                        }
                        streamPipeline(ch, transport);
                    }
                });
        ChannelFuture bound = b.bind(new InetSocketAddress(bind, port));
        if (zone != null) {
            return zoneListen(zone, bound);
        }
        return listen(transport, bound);
    }

    private InetSocketAddress listen(Transport transport, ChannelFuture f) throws IOException {
        f.awaitUninterruptibly();
        if (!f.isSuccess()) {
            throw new IOException("cannot bind SIP " + transport + " on " + bind.getHostAddress() + ": "
                    + f.cause().getMessage(), f.cause());
        }
        synchronized (listeners) {
            listeners.put(transport, f.channel());
        }
        return (InetSocketAddress) f.channel().localAddress();
    }

    private InetSocketAddress zoneListen(String zone, ChannelFuture f) throws IOException {
        f.awaitUninterruptibly();
        if (!f.isSuccess()) {
            throw new IOException("cannot bind the SIP port of zone " + zone + ": " + f.cause().getMessage(),
                    f.cause());
        }
        zoneListeners.put(zone, f.channel());
        return (InetSocketAddress) f.channel().localAddress();
    }

    private static void checkAfterHandshake(SocketChannel ch, SslHandler ssl, HandshakeCheck check) {
        if (check == null) {
            return;
        }
        ssl.handshakeFuture().addListener(f -> {
            if (f.isSuccess()) {
                String failure = check.check(ssl);
                if (failure != null) {
                    ch.close();
                }
            }
        });
    }

    /**
     * Opens a connection that belongs to a zone (a traversal client's link): its own TLS context, the zone tag,
     * and {@code check} after the handshake. The future completes when the handshake (and check) succeeded.
     */
    public io.netty.util.concurrent.Future<Channel> openZoneConnection(Flow flow, SslContext tls, String zone,
            HandshakeCheck check) {
        io.netty.util.concurrent.Promise<Channel> ready = loops.next().newPromise();
        Bootstrap b = new Bootstrap().group(loops).channel(Transports.socketChannel())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000).option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.attr(ZONE).set(zone);
                        SslHandler ssl = tls.newHandler(ch.alloc(), flow.remote().getHostString(),
                                flow.remote().getPort());
                        ssl.setHandshakeTimeoutMillis(handshakeTimeout.toMillis());
                        ch.pipeline().addLast(ssl);
                        ssl.handshakeFuture().addListener(h -> {
                            if (!h.isSuccess()) {
                                ready.tryFailure(h.cause());
                                return;
                            }
                            String failure = check == null ? null : check.check(ssl);
                            if (failure != null) {
                                ready.tryFailure(new IOException(failure));
                                ch.close();
                            } else {
                                ready.trySuccess(ch);
                            }
                        });
                    }
                });
        b.connect(flow.remote()).addListener((ChannelFuture f) -> {
            if (f.isSuccess()) {
                streamPipeline((SocketChannel) f.channel(), Transport.TLS);
            } else {
                ready.tryFailure(f.cause());
            }
        });
        return ready;
    }

    /** Closes the listener of a zone (a traversal server zone removed or changed). */
    public void closeZoneListener(String zone) {
        Channel c = zoneListeners.remove(zone);
        if (c != null) {
            c.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
    }

    private void streamPipeline(SocketChannel ch, Transport transport) {
        InetSocketAddress remote = ch.remoteAddress();
        String key = key(transport, remote);
        connections.put(key, ch);
        ch.closeFuture().addListener(f -> connections.remove(key, ch));
        // between the tail and TLS: the messages written in one read batch, or handed over from other loops in one
        // round of tasks, leave in one flush, so TLS wraps them into one record and one write (a traversal link
        // carries every call of the pair)
        ch.pipeline().addLast(new FlushConsolidationHandler(
                FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true),
                new IdleStateHandler(0, 0, IDLE_SECONDS),
                new StreamFramer(codec, counters.malformed::increment),
                new SimpleChannelInboundHandler<byte[]>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, byte[] frame) {
                        if (!limits.acceptMessage(remote.getAddress())) {
                            counters.rateLimited.increment();
                            return;
                        }
                        inbound.receive(frame, new Flow(transport, remote, ctx.channel()), false);
                    }

                    @Override
                    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                        if (evt instanceof io.netty.handler.timeout.IdleStateEvent) {
                            ctx.close();
                        }
                    }

                    @Override
                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                        ctx.close();
                    }
                });
    }

    private static boolean isKeepAlive(ByteBuf content) {
        for (int i = content.readerIndex(); i < content.writerIndex(); i++) {
            byte b = content.getByte(i);
            if (b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private static String key(Transport transport, InetSocketAddress remote) {
        return transport + "|" + remote.getAddress().getHostAddress() + "|" + remote.getPort();
    }

    public InetSocketAddress local(Transport transport) {
        synchronized (listeners) {
            Channel c = listeners.get(transport);
            return c == null ? null : (InetSocketAddress) c.localAddress();
        }
    }

    /**
     * Sends bytes along a flow: on its channel when it has an open one (the socket or connection a request came
     * on), else on an open connection to the address, else over a new connection (UDP: the listener's socket).
     */
    public void send(byte[] bytes, Flow flow, Consumer<Throwable> onError) {
        Channel channel = flow.channel();
        if (flow.transport() == Transport.UDP) {
            Channel udp = udpSocketOfThisLoop();
            if (udp == null) {
                udp = channel != null && channel.isActive() ? channel : listener(Transport.UDP);
            }
            if (udp == null) {
                onError.accept(new IOException("SIP UDP is Off"));
                return;
            }
            write(udp, new DatagramPacket(Unpooled.wrappedBuffer(bytes), flow.remote()), onError);
            return;
        }
        if (channel == null || !channel.isActive()) {
            channel = connections.get(key(flow.transport(), flow.remote()));
        }
        if (channel != null && channel.isActive()) {
            write(channel, Unpooled.wrappedBuffer(bytes), onError);
            return;
        }
        connect(flow).addListener((ChannelFuture f) -> {
            if (f.isSuccess()) {
                write(f.channel(), Unpooled.wrappedBuffer(bytes), onError);
            } else {
                onError.accept(f.cause());
            }
        });
    }

    private ChannelFuture connect(Flow flow) {
        Transport transport = flow.transport();
        Bootstrap b = new Bootstrap().group(loops).channel(Transports.socketChannel())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000).option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (transport == Transport.TLS) {
                            Supplier<SslContext> tls = clientTls;
                            if (tls == null) {
                                throw new IllegalStateException("no TLS client context");
                            }
                            SslHandler ssl = tls.get().newHandler(ch.alloc(), flow.remote().getHostString(),
                                    flow.remote().getPort());
                            ssl.setHandshakeTimeoutMillis(handshakeTimeout.toMillis());
                            ch.pipeline().addLast(ssl);
                        }
                    }
                });
        ChannelFuture f = b.connect(flow.remote());
        f.addListener((ChannelFuture done) -> {
            if (done.isSuccess()) {
                streamPipeline((SocketChannel) done.channel(), transport);
            }
        });
        return f;
    }

    private static void write(Channel channel, Object message, Consumer<Throwable> onError) {
        channel.writeAndFlush(message).addListener(f -> {
            if (!f.isSuccess()) {
                onError.accept(f.cause());
            }
        });
    }

    /** The UDP listener's socket served by the calling event loop, or null (not on a loop, or UDP Off). */
    private Channel udpSocketOfThisLoop() {
        for (Channel c : udpSockets) {
            if (c.eventLoop().inEventLoop()) {
                return c.isActive() ? c : null;
            }
        }
        return null;
    }

    private Channel listener(Transport transport) {
        synchronized (listeners) {
            return listeners.get(transport);
        }
    }

    /** "UDP 127.0.0.1:5060" ... */
    public List<String> listeningAddresses() {
        List<String> list = new ArrayList<>();
        synchronized (listeners) {
            listeners.forEach((t, c) -> {
                InetSocketAddress a = (InetSocketAddress) c.localAddress();
                list.add(t + " " + a.getAddress().getHostAddress() + ":" + a.getPort());
            });
        }
        zoneListeners.forEach((zone, c) -> {
            InetSocketAddress a = (InetSocketAddress) c.localAddress();
            list.add("TLS " + a.getAddress().getHostAddress() + ":" + a.getPort() + " (zone " + zone + ")");
        });
        return list;
    }

    public void purge() {
        limits.purge();
    }

    /** Closes the listeners and every connection. Idempotent. */
    public void close() {
        List<ChannelFuture> closing = new ArrayList<>();
        synchronized (listeners) {
            listeners.values().forEach(c -> closing.add(c.close()));
            listeners.clear();
        }
        udpSockets.forEach(c -> closing.add(c.close()));
        udpSockets.clear();
        zoneListeners.values().forEach(c -> closing.add(c.close()));
        zoneListeners.clear();
        connections.values().forEach(c -> closing.add(c.close()));
        closing.forEach(f -> f.awaitUninterruptibly(2, TimeUnit.SECONDS));
        connections.clear();
    }
}
