package org.edgeway.engine.turn;

import io.netty.channel.EventLoop;
import io.netty.channel.IoEventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.unix.Socket;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.edgeway.engine.EngineEvent;
import org.edgeway.engine.EngineListener;
import org.edgeway.engine.EngineState;
import org.edgeway.engine.NodeSettings;
import org.edgeway.engine.ServiceContext;
import org.edgeway.engine.net.Cidr;
import org.edgeway.engine.net.PeerAddressPolicy;
import org.edgeway.engine.net.BoundDatagram;
import org.edgeway.engine.net.DirectDatagramSender;
import org.edgeway.engine.net.RelayPortPool;
import org.edgeway.engine.net.SourceGate;
import org.edgeway.engine.net.Transports;
import org.edgeway.engine.stun.attribute.AddressFamily;
import org.edgeway.engine.tls.ReloadingSslContext;

/**
 * The TURN server (RFC 8656): listeners on the request port(s) over UDP and/or TCP, the optional TCP 443 listener,
 * the optional TLS listener ("turns:", its certificate reloaded when the keystore file changes), the allocation
 * table, relay sockets in the media port range, capacity by system size, expiry, status and events.
 *
 * <p>Threading: listeners and relays run on the engine's Netty event loops. A UDP request port is served by one
 * socket per event loop ({@code SO_REUSEPORT}, the kernel keeps each client on one socket); an allocation's relay
 * sockets are registered on its client's loop, so the relay path never crosses threads.
 */
public final class TurnServer {

    static final Logger LOG = Logger.getLogger(TurnServer.class.getName());
    static final String SOFTWARE = "Edgeway TURN";

    final TurnConfig config;
    final NodeSettings node;
    final TurnCounters counters = new TurnCounters();
    final int maxDatagramSize;
    final int capacity;
    final boolean perPortLimit;
    final int relaysPerPort;
    final int maxTcpConnections;
    private final EventLoopGroup loops;
    private final EngineListener events;
    /** Sources automated protection blocks: refused at the listeners. */
    final SourceGate gate;
    final AllocationTable table;
    final TurnListeners listeners;
    private volatile EngineState state = EngineState.STOPPED;
    private volatile String detail = "TURN services Off";
    private volatile boolean maintenanceMode;
    private ScheduledFuture<?> sweeper;
    /** Relay-to-relay traffic between allocations of this server is handed over in process. */
    final boolean hairpin;
    private final ConcurrentHashMap<InetSocketAddress, Allocation.Relay> relaysByAddress = new ConcurrentHashMap<>();
    RelayPortPool ports;
    PeerAddressPolicy policy;
    TurnRequestProcessor processor;
    RelayFastPath fastPath;
    private InetAddress relay4;
    private InetAddress relay6;

    public TurnServer(ServiceContext context, TurnConfig config) {
        this(context, config, TurnConfig.RELAYS_PER_PORT);
    }

    /** {@code relaysPerPort}: the range-mode limit per request port (tests use a small one). */
    TurnServer(ServiceContext context, TurnConfig config, int relaysPerPort) {
        this.node = context.node();
        this.config = config;
        this.maintenanceMode = config.maintenanceMode();
        this.loops = context.loops();
        this.events = context.events() == null ? EngineListener.NONE : context.events();
        this.gate = context.gate();
        this.maxDatagramSize = config.maxDatagramSize();
        this.perPortLimit = config.usesPortRange(node.size());
        this.relaysPerPort = relaysPerPort;
        int relays = config.effectiveMaxRelays(node.size());
        if (perPortLimit) {
            // each port of the range carries at most relaysPerPort: a short range caps the total
            relays = (int) Math.min(relays, (long) config.requestPorts(node.size()).size() * relaysPerPort);
        }
        this.capacity = relays;
        this.table = new AllocationTable(relays, perPortLimit, relaysPerPort);
        this.maxTcpConnections = config.maxTcpConnections() > 0 ? config.maxTcpConnections() : capacity + 256;
        this.hairpin = config.internalHairpin();
        this.listeners = new TurnListeners(this, loops);
    }

    /**
     * Takes new credentials (local database users, shared secret) without a restart: later requests are checked
     * against them; live allocations keep relaying.
     */
    /** Takes the live part of a new configuration ({@link TurnConfig#withLiveSettingsOf}). */
    void updateLive(TurnConfig next) {
        maintenanceMode = next.maintenanceMode();
        TurnRequestProcessor p = processor;
        if (p != null) {
            p.updateCredentials(next);
        }
    }

    /** Maintenance mode: no new allocations (seed 001 "Maintenance Mode"); existing ones carry on. */
    boolean inMaintenanceMode() {
        return maintenanceMode;
    }

    /** The relay of this server bound to {@code address}, or null. */
    Allocation.Relay localRelay(InetSocketAddress address) {
        // most peers are not relays of ours: a port outside the media range is answered without hashing the address
        RelayPortPool pool = ports;
        return pool == null || !pool.mayHold(address.getPort()) ? null : relaysByAddress.get(address);
    }

    // ------------------------------------------------------------------ lifecycle

    /** Binds every listener; on failure closes what was bound and throws. */
    public synchronized void start() throws IOException {
        if (state == EngineState.RUNNING) {
            return;
        }
        state = EngineState.STARTING;
        try {
            InetAddress bind = literal(node.bindAddress());
            relay4 = config.relayAddress() != null ? literal(config.relayAddress()) : defaultRelay4(bind);
            relay6 = config.relayAddressV6() != null ? literal(config.relayAddressV6()) : defaultRelay6(bind);
            ports = new RelayPortPool(relay4, relay6, config.mediaPortRangeStart(), config.mediaPortRangeEnd());
            // ready before the first packet can arrive on a listener
            processor = new TurnRequestProcessor(this);
            fastPath = new RelayFastPath(this);
            listeners.bind(bind);
            policy = new PeerAddressPolicy(config.peerAllow(), config.peerDeny(), listeners.own());
            sweeper = loops.next().scheduleAtFixedRate(this::sweep, 1, 1, TimeUnit.SECONDS);
            state = EngineState.RUNNING;
            detail = "Listening on " + String.join(", ", listeningAddresses())
                    + (tlsFailure() == null ? "" : "; TLS not available: " + tlsFailure());
        } catch (IOException | RuntimeException e) {
            listeners.close();
            state = EngineState.FAILED;
            detail = "Failed to start: " + e.getMessage();
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
    }

    /** Closes listeners and deletes every allocation. Idempotent. */
    public synchronized void stop() {
        if (state == EngineState.STOPPED) {
            return;
        }
        if (sweeper != null) {
            sweeper.cancel(false);
        }
        listeners.close();
        for (Allocation a : new ArrayList<>(table.all())) {
            EventLoop loop = a.client.eventLoop();
            if (loop.isShuttingDown()) {
                delete(a, "service stopped");
            } else {
                loop.submit(() -> delete(a, "service stopped")).awaitUninterruptibly(2, TimeUnit.SECONDS);
            }
        }
        if (ports != null) {
            ports.closeAll();
        }
        state = EngineState.STOPPED;
        detail = "TURN services Off";
    }

    public EngineState state() {
        return state;
    }

    // ------------------------------------------------------------------ allocation table

    /** The configured cluster peer with the most free relays, of the client's address family, or null. */
    TurnConfig.AlternateServer bestAlternate(InetSocketAddress client) {
        TurnConfig.AlternateServer best = null;
        for (TurnConfig.AlternateServer a : config.alternateServers()) {
            InetAddress host;
            try {
                host = literal(a.host());
            } catch (RuntimeException e) {
                continue;
            }
            if (a.freeRelays() > 0 && AddressFamily.of(host) == AddressFamily.of(client.getAddress())
                    && (best == null || a.freeRelays() > best.freeRelays())) {
                best = a;
            }
        }
        return best;
    }

    /**
     * Registers a new allocation's relay socket on the client's event loop: under native epoll as a bare I/O
     * handle ({@link NativeRelaySocket}), under NIO as a Netty channel with a {@link RelayHandler}.
     */
    Allocation.Relay openRelay(Allocation allocation, BoundDatagram bound, AddressFamily family) {
        InetSocketAddress local = new InetSocketAddress(ports.address(family), bound.port());
        Allocation.Relay[] opened = new Allocation.Relay[1];
        Runnable closed = () -> {
            relaysByAddress.remove(local, opened[0]);
            ports.free(family, local.getPort());
        };
        Socket socket = bound.nativeSocket();
        if (socket != null) {
            NativeRelaySocket s = new NativeRelaySocket(socket, (IoEventLoop) allocation.client.eventLoop(), allocation,
                    this, closed);
            opened[0] = new Allocation.Relay(allocation, null, DirectDatagramSender.of(socket), s::close, local,
                    family);
            relaysByAddress.put(local, opened[0]);
            s.register();
            return opened[0];
        }
        DatagramChannel ch = bound.toChannel();
        ch.config().setAllocator(Transports.packetAllocator());
        ch.config().setRecvByteBufAllocator(new HeadroomRecvByteBufAllocator(maxDatagramSize + 1, 32));
        opened[0] = new Allocation.Relay(allocation, ch, null, ch::close, local, family);
        ch.pipeline().addLast(new RelayHandler(allocation, this));
        relaysByAddress.put(local, opened[0]);
        ch.closeFuture().addListener(f -> closed.run());
        allocation.client.eventLoop().register(ch);
        return opened[0];
    }

    void add(Allocation a) {
        table.add(a);
        a.client.attach(a);
        counters.allocationsCreated.increment();
        Allocation.Relay first = a.relays().get(0);
        emit(new TurnEvent.AllocationCreated(Instant.now(), format(a.client.client), a.client.protocol(),
                a.username, format(first.address), a.lifetimeSeconds()));
    }

    /** Deletes an allocation (on its event loop): closes its relays, frees capacity, reports. Idempotent. */
    void delete(Allocation a, String reason) {
        if (!a.close()) {
            return;
        }
        table.remove(a);
        a.client.detach(a);
        List<Allocation.Relay> relays = a.relays();
        for (Allocation.Relay r : relays) {
            r.close();
        }
        table.release(relays.size(), a.client.listener());
        counters.allocationsDeleted.increment();
        emit(new TurnEvent.AllocationDeleted(Instant.now(), format(a.client.client), a.client.protocol(),
                a.username, relays.isEmpty() ? "" : format(relays.get(0).address), reason,
                a.packetsRelayed(), a.bytesRelayed()));
    }

    /** Removes one relay of a dual-stack allocation (Refresh with lifetime 0 and REQUESTED-ADDRESS-FAMILY). */
    void deleteRelay(Allocation a, AddressFamily family) {
        Allocation.Relay r = a.removeRelay(family);
        if (r == null) {
            return;
        }
        r.close();
        table.release(1, a.client.listener());
    }

    private void sweep() {
        try {
            long now = System.nanoTime();
            for (Allocation a : table.all()) {
                if (a.expired(now)) {
                    a.client.eventLoop().execute(() -> delete(a, "expired"));
                } else {
                    a.client.eventLoop().execute(() -> a.purge(now));
                }
            }
            ports.purge(now);
            processor.purge(now);
            ReloadingSslContext tls = listeners.tlsContext();
            if (tls != null) {
                tls.check(); // a stat every TLS_RELOAD_CHECK; loads a changed keystore, keeps the old on error
                reportReloadFailure(tls.lastFailure());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "TURN sweep failed", e);
        }
    }

    /** Alarm id while a changed TLS keystore file cannot be used (the previous certificate stays in use). */
    public static final String TLS_RELOAD_ALARM = "turn-tls-reload-failed";
    private String reportedReloadFailure;

    /** Raises the reload alarm when a changed keystore cannot be loaded, and clears it once one loads. */
    private void reportReloadFailure(String failure) {
        if (java.util.Objects.equals(failure, reportedReloadFailure)) {
            return;
        }
        if (failure != null) {
            emit(new EngineEvent.AlarmRaised(java.time.Instant.now(), TLS_RELOAD_ALARM, "Warning",
                    "The new TURN TLS certificate could not be loaded",
                    "Replace the keystore file with a valid PKCS12 file and its password; the previous certificate "
                            + "stays in use: " + failure));
        } else {
            emit(new EngineEvent.AlarmCleared(java.time.Instant.now(), TLS_RELOAD_ALARM));
        }
        reportedReloadFailure = failure;
    }

    void emit(EngineEvent event) {
        try {
            events.onEvent(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "engine listener failed", e);
        }
    }

    // ------------------------------------------------------------------ status

    boolean ipv6Available() {
        return relay6 != null;
    }

    /** "UDP 127.0.0.1:3478", "TCP 127.0.0.1:3478", ..., "TLS 127.0.0.1:5349". */
    public List<String> listeningAddresses() {
        return listeners.listeningAddresses();
    }

    /** The bound UDP request ports (tests use them to find ephemeral ports). */
    public List<InetSocketAddress> udpAddresses() {
        return listeners.udpAddresses();
    }

    /** The bound TCP request ports (including TCP 443 when enabled, last). */
    public List<InetSocketAddress> tcpAddresses() {
        return listeners.tcpAddresses();
    }

    /** The bound TLS listener, or null. */
    public InetSocketAddress tlsAddress() {
        return listeners.tlsAddress();
    }

    /** Why the TLS listener is not running although enabled, or null. */
    public String tlsFailure() {
        return listeners.tlsFailure();
    }

    /** The TLS listener's certificate source, or null (tests). */
    ReloadingSslContext tlsContext() {
        return listeners.tlsContext();
    }

    public TurnSnapshot snapshot() {
        if (state != EngineState.RUNNING) {
            return TurnSnapshot.inactive(detail);
        }
        long now = System.nanoTime();
        List<TurnSnapshot.RelayView> views = new ArrayList<>();
        Set<String> clients = new HashSet<>();
        for (Allocation a : table.all()) {
            views.add(a.view(now));
            clients.add(a.client.client.getAddress().getHostAddress() + "|" + a.username);
        }
        views.sort(java.util.Comparator.comparing(TurnSnapshot.RelayView::createdAt));
        List<String> relayAddresses = new ArrayList<>();
        if (relay4 != null) {
            relayAddresses.add(relay4.getHostAddress());
        }
        if (relay6 != null) {
            relayAddresses.add(relay6.getHostAddress());
        }
        return new TurnSnapshot(state, detail, listeningAddresses(), relayAddresses, clients.size(),
                table.relays(), capacity, Collections.unmodifiableList(views), counters.snapshot());
    }

    // ------------------------------------------------------------------ addresses

    static String format(InetSocketAddress a) {
        InetAddress ip = a.getAddress();
        String host = ip == null ? a.getHostString() : ip.getHostAddress();
        return (ip instanceof Inet6Address ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    static InetAddress literal(String host) {
        try {
            return InetAddress.getByAddress(Cidr.literal(host));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + host, e);
        }
    }

    private static InetAddress defaultRelay4(InetAddress bind) {
        if (bind instanceof Inet4Address && !bind.isAnyLocalAddress()) {
            return bind;
        }
        InetAddress found = firstInterfaceAddress(a -> a instanceof Inet4Address && !a.isLoopbackAddress());
        return found != null ? found : InetAddress.getLoopbackAddress();
    }

    private static InetAddress defaultRelay6(InetAddress bind) {
        if (bind instanceof Inet6Address && !bind.isAnyLocalAddress()) {
            return bind;
        }
        if (bind.isLoopbackAddress()) {
            return firstInterfaceAddress(a -> a instanceof Inet6Address && a.isLoopbackAddress());
        }
        if (bind.isAnyLocalAddress()) {
            return firstInterfaceAddress(a -> a instanceof Inet6Address && !a.isLoopbackAddress()
                    && !a.isLinkLocalAddress() && !a.isSiteLocalAddress());
        }
        return null;
    }

    private static InetAddress firstInterfaceAddress(java.util.function.Predicate<InetAddress> wanted) {
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nif.isUp()) {
                    continue;
                }
                for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                    if (wanted.test(a)) {
                        return a instanceof Inet6Address ? InetAddress.getByAddress(a.getAddress()) : a;
                    }
                }
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "cannot list interfaces", e);
        }
        return null;
    }
}
