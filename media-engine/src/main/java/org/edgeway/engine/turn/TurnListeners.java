package org.edgeway.engine.turn;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.channel.unix.Socket;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.edgeway.engine.net.DatagramReceiver;
import org.edgeway.engine.net.Transports;
import org.edgeway.engine.tls.ReloadingSslContext;

/**
 * The request ports of one TURN server: UDP (one socket per event loop, {@code SO_REUSEPORT}), TCP, the optional
 * TCP 443 listener and the TLS listener ("turns:", its certificate reloaded from the keystore file), with the TCP
 * connection limit. Binds them all or throws; closes them all.
 */
final class TurnListeners {

    static final int SOCKET_BUFFER = 2 * 1024 * 1024;
    /**
     * Bytes a UDP listener receives into per recvmmsg (native transport): as many datagram slots of the largest
     * size as fit, 7 at the default 4096; at most 32 KiB so the buffer stays in the allocator's per-thread cache.
     */
    static final int RECEIVE_BUFFER = 32 * 1024;
    static final int TCP_IDLE_SECONDS = 120;
    /** Least time between two looks at the TLS keystore file. */
    static final Duration TLS_RELOAD_CHECK = Duration.ofSeconds(2);
    static final int TLS_HANDSHAKE_TIMEOUT_MILLIS = 10_000;

    /**
     * A request port (UDP group, TCP or TLS server). In range mode relay capacity is accounted per port number:
     * the UDP and TCP listeners of one port share {@code relays}.
     */
    abstract static class Listener {
        /** Set once bound (before any traffic is processed). */
        volatile InetSocketAddress address;
        final AtomicInteger relays;

        Listener(InetSocketAddress address, AtomicInteger relays) {
            this.address = address;
            this.relays = relays;
        }
    }

    /**
     * One UDP request port: a socket per event loop sharing the client-to-allocation map; under native epoll bare
     * sockets ({@link NativeUdpSocket}), else Netty channels.
     */
    static final class UdpListener extends Listener {
        final ConcurrentHashMap<InetSocketAddress, Allocation> byClient = new ConcurrentHashMap<>();
        final List<Channel> channels = new ArrayList<>();
        final List<NativeUdpSocket> sockets = new ArrayList<>();

        UdpListener(InetSocketAddress address, AtomicInteger relays) {
            super(address, relays);
        }

        /** Closes every socket of the port, waiting for each. */
        void close() {
            channels.forEach(c -> c.close().awaitUninterruptibly(2, TimeUnit.SECONDS));
            sockets.forEach(NativeUdpSocket::closeAndWait);
        }
    }

    /** One TCP request port, or the TLS port when {@code tls} is set. */
    static final class TcpListener extends Listener {
        final ReloadingSslContext tls;
        Channel channel;

        TcpListener(InetSocketAddress address, AtomicInteger relays, ReloadingSslContext tls) {
            super(address, relays);
            this.tls = tls;
        }
    }

    private final TurnServer server;
    private final TurnConfig config;
    private final EventLoopGroup loops;
    final AtomicInteger tcpConnections = new AtomicInteger();
    private final List<UdpListener> udpListeners = new CopyOnWriteArrayList<>();
    private final List<TcpListener> tcpListeners = new CopyOnWriteArrayList<>();
    private volatile TcpListener tlsListener;
    private volatile String tlsFailure;
    private final Set<Channel> tcpChildren = ConcurrentHashMap.newKeySet();

    TurnListeners(TurnServer server, EventLoopGroup loops) {
        this.server = server;
        this.config = server.config;
        this.loops = loops;
    }

    /** Binds the request ports, then TLS if enabled (a TLS failure is kept in {@link #tlsFailure()}). */
    void bind(InetAddress bind) throws IOException {
        bindListeners(bind);
        if (config.tlsEnabled()) {
            startTls(bind);
        }
    }

    /** Every bound listener address (the peer policy refuses them as peers). */
    List<InetSocketAddress> own() {
        List<InetSocketAddress> own = new ArrayList<>();
        udpListeners.forEach(l -> own.add(l.address));
        tcpListeners.forEach(l -> own.add(l.address));
        TcpListener secure = tlsListener;
        if (secure != null) {
            own.add(secure.address);
        }
        return own;
    }

    /**
     * Loads the keystore and binds the TLS listener. A failure is kept in {@link #tlsFailure()} and does not stop
     * the UDP/TCP service.
     */
    private void startTls(InetAddress bind) {
        if (config.tlsKeyStore() == null) {
            tlsFailure = "no TLS keystore configured";
            TurnServer.LOG.warning("TURN over TLS requested but " + tlsFailure);
            return;
        }
        try {
            ReloadingSslContext context = new ReloadingSslContext(Path.of(config.tlsKeyStore()),
                    config.tlsKeyStorePassword(), TLS_RELOAD_CHECK);
            tlsListener = bindTcp(bind, config.tlsPort(), context);
            TurnServer.LOG.info("TURN over TLS on " + TurnServer.format(tlsListener.address) + " with " + context.subject());
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            tlsFailure = config.tlsKeyStore() + ": " + e.getMessage();
            TurnServer.LOG.warning("TURN over TLS not started: " + tlsFailure);
            TurnServer.LOG.log(Level.FINE, "TURN over TLS not started", e);
        }
    }

    /** Why the TLS listener is not running although enabled, or null. */
    public String tlsFailure() {
        return tlsFailure;
    }

    /** The bound TLS listener, or null. */
    public InetSocketAddress tlsAddress() {
        TcpListener l = tlsListener;
        return l == null ? null : l.address;
    }

    /** The TLS listener's certificate source, or null (tests). */
    ReloadingSslContext tlsContext() {
        TcpListener l = tlsListener;
        return l == null ? null : l.tls;
    }

    private void bindListeners(InetAddress bind) throws IOException {
        TurnConfig.ProtocolMode mode = config.protocolMode();
        boolean udpOnlyOnMuxPort = config.tcp443Enabled() && config.portMultiplexing()
                && server.node.size() == org.edgeway.engine.SystemSize.LARGE;
        for (int port : config.requestPorts(server.node.size())) {
            int actual = port;
            AtomicInteger portRelays = new AtomicInteger();
            for (int attempt = 0; ; attempt++) {
                try {
                    if (mode.udp()) {
                        UdpListener u = bindUdp(bind, actual, portRelays);
                        actual = u.address.getPort();
                        udpListeners.add(u);
                    }
                    if (mode.tcp() && !udpOnlyOnMuxPort) {
                        tcpListeners.add(bindTcp(bind, actual, portRelays, null));
                    }
                    break;
                } catch (IOException e) {
                    // Port 0 picked for UDP may be taken for TCP: try again with a fresh ephemeral port.
                    if (port != 0 || attempt >= 5) {
                        throw e;
                    }
                    if (!udpListeners.isEmpty()) {
                        udpListeners.remove(udpListeners.size() - 1).close();
                    }
                    actual = 0;
                }
            }
        }
        if (config.tcp443Enabled()) {
            if (mode.tcp()) {
                tcpListeners.add(bindTcp(bind, config.tcp443Port(), new AtomicInteger(), null));
            } else {
                TurnServer.LOG.warning("TCP 443 TURN service requested but ProtocolMode is UDP: not listening on TCP");
            }
        }
    }

    private UdpListener bindUdp(InetAddress bind, int port, AtomicInteger portRelays) throws IOException {
        List<EventLoop> each = new ArrayList<>();
        for (EventExecutor e : loops) {
            each.add((EventLoop) e);
        }
        UdpListener listener = new UdpListener(new InetSocketAddress(bind, port), portRelays);
        if (DatagramReceiver.AVAILABLE) {
            return bindNativeUdp(bind, port, each, listener);
        }
        int actual = port;
        try {
            for (EventLoop loop : each) {
                Bootstrap b = new Bootstrap().group(loop).channel(Transports.datagramChannel())
                        .option(ChannelOption.SO_RCVBUF, SOCKET_BUFFER)
                        .option(ChannelOption.SO_SNDBUF, SOCKET_BUFFER)
                        .option(ChannelOption.ALLOCATOR, Transports.packetAllocator())
                        .handler(new UdpListenerHandler(server, listener));
                // a listener forwards client data as is (no header in front), so it can take datagrams in batches
                int slot = server.maxDatagramSize + 1;
                Transports.batchReceive(b, slot, Math.max(1, RECEIVE_BUFFER / slot), 64,
                        new HeadroomRecvByteBufAllocator(slot, 32));
                if (each.size() > 1) {
                    Transports.reusePort(b);
                }
                ChannelFuture f = b.bind(new InetSocketAddress(bind, actual)).syncUninterruptibly();
                if (!f.isSuccess()) {
                    throw new IOException("cannot bind UDP " + bind.getHostAddress() + ":" + actual, f.cause());
                }
                Channel ch = f.channel();
                if (listener.channels.isEmpty()) {
                    listener.address = (InetSocketAddress) ch.localAddress();
                    actual = listener.address.getPort();
                }
                listener.channels.add(ch);
            }
            return listener;
        } catch (RuntimeException e) {
            listener.channels.forEach(c -> c.close().syncUninterruptibly());
            throw new IOException("cannot bind UDP " + bind.getHostAddress() + ":" + actual + ": " + e.getMessage(), e);
        } catch (IOException e) {
            listener.channels.forEach(c -> c.close().syncUninterruptibly());
            throw e;
        }
    }

    private TcpListener bindTcp(InetAddress bind, int port, ReloadingSslContext tls) throws IOException {
        return bindTcp(bind, port, new AtomicInteger(), tls);
    }

    /**
     * A TCP listener, or the TLS listener when {@code tls} is given: the same framing and handlers behind an
     * {@link SslHandler}, and the same connection limit (one count for both).
     */
    private TcpListener bindTcp(InetAddress bind, int port, AtomicInteger portRelays, ReloadingSslContext tls)
            throws IOException {
        TcpListener listener = new TcpListener(new InetSocketAddress(bind, port), portRelays, tls);
        ServerBootstrap b = new ServerBootstrap().group(loops, loops).channel(Transports.serverSocketChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(64 * 1024, 256 * 1024))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (tcpConnections.incrementAndGet() > server.maxTcpConnections) {
                            tcpConnections.decrementAndGet();
                            server.counters.tcpRefused.increment();
                            ch.close();
                            return;
                        }
                        tcpChildren.add(ch);
                        ch.closeFuture().addListener(f -> {
                            tcpConnections.decrementAndGet();
                            tcpChildren.remove(ch);
                        });
                        if (tls != null) {
                            SslHandler ssl = tls.current().newHandler(ch.alloc());
                            ssl.setHandshakeTimeoutMillis(TLS_HANDSHAKE_TIMEOUT_MILLIS);
                            ch.pipeline().addLast(ssl);
                        }
                        ch.pipeline().addLast(new IdleStateHandler(0, 0, TCP_IDLE_SECONDS),
                                new TcpFrameDecoder(server.maxDatagramSize + 4, server.counters),
                                new TcpConnectionHandler(server, listener));
                    }
                });
        ChannelFuture f = b.bind(new InetSocketAddress(bind, port)).syncUninterruptibly();
        if (!f.isSuccess()) {
            throw new IOException("cannot bind " + (tls == null ? "TCP " : "TLS ") + bind.getHostAddress() + ":" + port,
                    f.cause());
        }
        listener.address = (InetSocketAddress) f.channel().localAddress();
        listener.channel = f.channel();
        return listener;
    }

    /** Native epoll: a bare socket per event loop ({@link NativeUdpSocket}), all bound to one port. */
    private UdpListener bindNativeUdp(InetAddress bind, int port, List<EventLoop> each, UdpListener listener)
            throws IOException {
        int actual = port;
        try {
            for (EventLoop loop : each) {
                Socket socket = Socket.newSocketDgram();
                NativeUdpSocket s;
                try {
                    if (each.size() > 1) {
                        socket.setReusePort(true);
                    }
                    socket.setReceiveBufferSize(SOCKET_BUFFER);
                    socket.setSendBufferSize(SOCKET_BUFFER);
                    socket.bind(new InetSocketAddress(bind, actual));
                    s = new NativeUdpSocket(socket, server, listener, (IoEventLoop) loop, Transports.packetAllocator());
                } catch (IOException | RuntimeException e) {
                    socket.close();
                    throw e;
                }
                listener.sockets.add(s);
                io.netty.util.concurrent.Future<?> registered = s.register().awaitUninterruptibly();
                if (!registered.isSuccess()) {
                    throw new IOException("cannot register the socket with its event loop", registered.cause());
                }
                if (listener.sockets.size() == 1) {
                    listener.address = s.localAddress();
                    actual = listener.address.getPort();
                }
            }
            return listener;
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw new IOException("cannot bind UDP " + bind.getHostAddress() + ":" + actual + ": " + e.getMessage(), e);
        }
    }

    /** Closes every listener and TCP connection. Idempotent. */
    void close() {
        List<ChannelFuture> closing = new ArrayList<>();
        udpListeners.forEach(l -> {
            l.channels.forEach(c -> closing.add(c.close()));
            l.sockets.forEach(NativeUdpSocket::closeAndWait);
        });
        tcpListeners.forEach(l -> {
            if (l.channel != null) {
                closing.add(l.channel.close());
            }
        });
        TcpListener secure = tlsListener;
        if (secure != null && secure.channel != null) {
            closing.add(secure.channel.close());
        }
        tcpChildren.forEach(c -> closing.add(c.close()));
        closing.forEach(f -> f.awaitUninterruptibly(2, TimeUnit.SECONDS));
        udpListeners.clear();
        tcpListeners.clear();
        tlsListener = null;
    }

    /** "UDP 127.0.0.1:3478", "TCP 127.0.0.1:3478", ..., "TLS 127.0.0.1:5349". */
    public List<String> listeningAddresses() {
        List<String> list = new ArrayList<>();
        udpListeners.forEach(l -> list.add("UDP " + TurnServer.format(l.address)));
        tcpListeners.forEach(l -> list.add("TCP " + TurnServer.format(l.address)));
        TcpListener secure = tlsListener;
        if (secure != null) {
            list.add("TLS " + TurnServer.format(secure.address));
        }
        return list;
    }

    /** The bound UDP request ports (tests use them to find ephemeral ports). */
    public List<InetSocketAddress> udpAddresses() {
        return udpListeners.stream().map(l -> l.address).toList();
    }

    /** The bound TCP request ports (including TCP 443 when enabled, last). */
    public List<InetSocketAddress> tcpAddresses() {
        return tcpListeners.stream().map(l -> l.address).toList();
    }

}
