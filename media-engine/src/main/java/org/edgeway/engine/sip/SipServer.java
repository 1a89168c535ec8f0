package org.edgeway.engine.sip;

import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import org.edgeway.engine.EngineEvent;
import org.edgeway.engine.sip.transaction.ServerTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.edgeway.engine.EngineState;
import org.edgeway.engine.ServiceContext;
import org.edgeway.engine.net.RateLimiter;
import org.edgeway.engine.sip.SipSnapshot.RegistrationView;
import org.edgeway.engine.sip.SipSnapshot.ZoneStatus;
import org.edgeway.engine.sip.auth.DigestAuthenticator;
import org.edgeway.engine.b2bua.B2bua;
import org.edgeway.engine.b2bua.MediaTimeout;
import org.edgeway.engine.rtp.MediaRelay;
import org.edgeway.engine.sip.dialog.CallTracker;
import org.edgeway.engine.sip.message.HeaderNames;
import org.edgeway.engine.sip.message.Responses;
import org.edgeway.engine.sip.message.SipCodec;
import org.edgeway.engine.sip.message.SipMessage;
import org.edgeway.engine.sip.message.SipParseException;
import org.edgeway.engine.sip.message.Via;
import org.edgeway.engine.sip.proxy.LocalIdentity;
import org.edgeway.engine.sip.proxy.MraRegistrations;
import org.edgeway.engine.sip.proxy.Proxy;
import org.edgeway.engine.sip.proxy.SearchHistory;
import org.edgeway.engine.sip.registrar.Binding;
import org.edgeway.engine.sip.registrar.BindingTable;
import org.edgeway.engine.sip.registrar.Registrar;
import org.edgeway.engine.sip.transaction.Sender;
import org.edgeway.engine.sip.transaction.TimerValues;
import org.edgeway.engine.sip.transaction.TransactionLayer;
import org.edgeway.engine.sip.transport.Flow;
import org.edgeway.engine.sip.transport.SipCounters;
import org.edgeway.engine.sip.transport.SipTransports;
import org.edgeway.engine.sip.transport.SourceLimits;
import org.edgeway.engine.sip.traversal.Traversal;
import org.edgeway.engine.tls.ReloadingSslContext;
import org.edgeway.engine.zones.ZoneConfig;
import org.edgeway.engine.zones.ZoneConfig.Transport;

/**
 * One running SIP edge: the listeners, the codec, the transaction layer, the registrar and the proxy, wired
 * together; takes live configuration changes ({@link #update}) and reports its {@link #snapshot()}.
 */
public final class SipServer {

    static final Logger LOG = Logger.getLogger(SipServer.class.getName());
    /** 401/407 answers per second and source address (bursts twice that); {@link SourceLimits#CHALLENGES_PROPERTY}. */
    public static final int CHALLENGES_PER_SECOND = 100;
    private static final Duration TLS_RELOAD_CHECK = Duration.ofSeconds(2);

    private final ServiceContext context;
    private volatile SipConfig config;
    private final Clock clock = Clock.systemUTC();
    private final SipCodec codec = new SipCodec(SipCodec.Limits.DEFAULT);
    private final SipCounters counters = new SipCounters();
    private final SipTransports transports;
    private final TransactionLayer layer;
    private final Traversal traversal;
    private final BindingTable bindings = new BindingTable();
    private final SearchHistory history = new SearchHistory();
    private final MraRegistrations mra;
    private final CallTracker calls;
    private final RateLimiter challengeLimit = new RateLimiter(
            SourceLimits.rate(SourceLimits.CHALLENGES_PROPERTY, CHALLENGES_PER_SECOND));
    private final Instant started = Instant.now();
    private volatile String tlsFailure;
    private volatile SslContext clientTls;
    private ScheduledFuture<?> housekeeping;
    private ScheduledFuture<?> mediaTimeout;
    private final Supplier<MediaRelay> relay;
    /** The event loops that handle datagrams, chosen by Call-ID. */
    private final EventExecutor[] workers;

    /** @param mra the MRA registration counts this server adds to (they outlive it) */
    public SipServer(ServiceContext context, SipConfig config, MraRegistrations mra) {
        this(context, config, mra, TimerValues.RFC3261, () -> null);
    }

    /** @param relay the media relay calls across a traversal zone are anchored on (null: none running) */
    public SipServer(ServiceContext context, SipConfig config, MraRegistrations mra, Supplier<MediaRelay> relay) {
        this(context, config, mra, TimerValues.RFC3261, relay);
    }

    SipServer(ServiceContext context, SipConfig config, MraRegistrations mra, TimerValues timerValues) {
        this(context, config, mra, timerValues, () -> null);
    }

    private SipServer(ServiceContext context, SipConfig config, MraRegistrations mra, TimerValues timerValues,
            Supplier<MediaRelay> relay) {
        this.relay = relay;
        this.context = context;
        this.config = config;
        this.mra = mra;
        List<EventExecutor> each = new ArrayList<>();
        context.loops().forEach(each::add);
        this.workers = each.toArray(EventExecutor[]::new);
        InetAddress bind;
        try {
            bind = InetAddress.getByName(context.node().bindAddress());
        } catch (IOException e) {
            throw new IllegalArgumentException("bad bind address " + context.node().bindAddress(), e);
        }
        this.transports = new SipTransports(context.loops(), bind, codec, this::receive, counters,
                new SourceLimits(SourceLimits.CONNECTIONS_PER_SOURCE,
                        SourceLimits.rate(SourceLimits.MESSAGES_PROPERTY, SourceLimits.MESSAGES_PER_SECOND),
                        context.gate()));
        EventLoopTimers timers = new EventLoopTimers(context.loops());
        Sender sender = Sender.of(codec::encode, transports::send);
        this.layer = new TransactionLayer(timers, timerValues, sender);
        LocalIdentity local = new LocalIdentity(context.node().hostName(), context.node().bindAddress(),
                transports::local, () -> this.config);
        DigestAuthenticator digest = new DigestAuthenticator(clock, () -> this.config.digestAlgorithms());
        Registrar.ChallengeGate gate = new Registrar.ChallengeGate() {
            @Override
            public boolean allow(ServerTransaction tx) {
                if (challengeLimit.tryAcquire(tx.flow().remote().getAddress(), System.nanoTime())) {
                    counters.challenges.increment();
                    return true;
                }
                counters.rateLimited.increment();
                return false;
            }

            @Override
            public void rejected(ServerTransaction tx) {
                if (context.events() != null) {
                    context.events().onEvent(new EngineEvent.AuthenticationFailed(clock.instant(), "SIP",
                            tx.flow().remote().getAddress().getHostAddress()));
                }
            }
        };
        Registrar registrar = new Registrar(bindings, digest, clock, () -> this.config, gate);
        this.traversal = new Traversal(context.node().role(), transports, layer, timers, local::sentBy);
        this.calls = new CallTracker(context.events(), clock, layer, local::sentBy, local::isUs);
        calls.media(new B2bua(relay, () -> this.config, context.node().role(), local.advertisedHost()));
        layer.user(new Proxy(() -> this.config, local, registrar, bindings, layer, digest, gate, history, clock,
                sender, traversal, mra, calls));
    }

    /** Binds the listeners the configuration turns on; throws if UDP or TCP cannot bind (TLS failure is kept). */
    public void start() throws IOException {
        SipConfig cfg = config;
        try {
            clientTls = SipTls.client(cfg.trustedCertificates());
        } catch (IOException | java.security.GeneralSecurityException e) {
            LOG.warning("SIP TLS client context not built: " + e.getMessage());
        }
        try {
            if (cfg.udp().on()) {
                transports.bindUdp(cfg.udp().port());
            }
            if (cfg.tcp().on()) {
                transports.bindStream(Transport.TCP, cfg.tcp().port());
            }
            if (cfg.tls().on()) {
                startTls(cfg);
            }
        } catch (IOException | RuntimeException e) {
            transports.close();
            throw e;
        }
        traversal.apply(cfg, false);
        housekeeping = context.loops().next().scheduleAtFixedRate(this::housekeeping, 10, 10, TimeUnit.SECONDS);
        mediaTimeout = context.loops().next().scheduleAtFixedRate(new MediaTimeout(calls, relay), 1, 1,
                TimeUnit.SECONDS);
    }

    private void startTls(SipConfig cfg) {
        if (cfg.tlsKeyStore() == null) {
            tlsFailure = "no TLS keystore configured";
            return;
        }
        try {
            ReloadingSslContext server = new ReloadingSslContext(Path.of(cfg.tlsKeyStore()),
                    cfg.tlsKeyStorePassword(), TLS_RELOAD_CHECK);
            transports.tls(() -> {
                server.check();
                return server.current();
            }, () -> clientTls, cfg.tlsHandshakeTimeout());
            transports.bindStream(Transport.TLS, cfg.tls().port());
        } catch (IOException | java.security.GeneralSecurityException | RuntimeException e) {
            tlsFailure = cfg.tlsKeyStore() + ": " + e.getMessage();
            LOG.warning("SIP over TLS not started: " + tlsFailure);
        }
    }

    /** Why TLS is not listening although On, or null. */
    public String tlsFailure() {
        return tlsFailure;
    }

    /** Domains, zones, rules, credentials, limits and maintenance mode take effect for the next request. */
    void update(SipConfig next) {
        boolean trustChanged = !next.trustedCertificates().equals(config.trustedCertificates());
        if (trustChanged) {
            try {
                clientTls = SipTls.client(next.trustedCertificates());
            } catch (IOException | java.security.GeneralSecurityException e) {
                LOG.warning("SIP TLS client context not rebuilt: " + e.getMessage());
            }
        }
        config = next;
        traversal.apply(next, trustChanged);
    }

    SipConfig config() {
        return config;
    }

    private void housekeeping() {
        bindings.purge(clock.instant());
        transports.purge();
        challengeLimit.purge(System.nanoTime());
    }

    /** Every received message: decode, answer what the codec refuses, stamp Via, hand to the transactions. */
    private void receive(byte[] data, Flow flow, boolean datagram) {
        SipMessage message;
        try {
            message = codec.decode(data, 0, data.length, datagram);
        } catch (SipParseException e) {
            counters.malformed.increment();
            if (e.headers() != null && e.headers().stream().anyMatch(h -> h.name().equals(HeaderNames.VIA))) {
                transports.send(codec.encode(Responses.toRefused(e.headers(), e.status(), e.getMessage())), flow,
                        t -> { });
            }
            return;
        } catch (RuntimeException e) {
            counters.malformed.increment();
            LOG.log(Level.WARNING, "SIP decode failed unexpectedly", e);
            return;
        }
        if (datagram && workers.length > 1) {
            // one client socket lands on one listener socket, hence one loop: spread the transactions over every
            // loop, by Call-ID so that a dialog's requests and responses keep their order on one thread
            EventExecutor worker = workers[Math.floorMod(message.callId().hashCode(), workers.length)];
            if (!worker.inEventLoop()) {
                try {
                    worker.execute(() -> handle(message, flow));
                } catch (RejectedExecutionException e) {
                    // the engine is stopping: the datagram is lost, as it would be a moment later
                }
                return;
            }
        }
        handle(message, flow);
    }

    private void handle(SipMessage message, Flow flow) {
        try {
            if (message.isRequest()) {
                counters.requestsIn.increment();
                stampVia(message, flow);
                layer.onRequest(message, flow);
            } else {
                counters.responsesIn.increment();
                layer.onResponse(message, flow);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "SIP message from " + flow.describe() + " failed: " + message, e);
        }
    }

    /** RFC 3261 18.2.1 received, RFC 3581 rport: where the request really came from. */
    private static void stampVia(SipMessage request, Flow flow) {
        Via via = request.topVia();
        String ip = flow.remote().getAddress().getHostAddress();
        boolean rport = via.params().containsKey("rport");
        if (via.host().equals(ip) && !rport) {
            return;
        }
        Map<String, String> params = new LinkedHashMap<>(via.params());
        params.put("received", ip);
        if (rport) {
            params.put("rport", String.valueOf(flow.remote().getPort()));
        }
        request.setTopVia(new Via(via.transport(), via.host(), via.port(), params));
    }

    public SipTransports transports() {
        return transports;
    }

    public TransactionLayer transactions() {
        return layer;
    }

    public SipSnapshot snapshot() {
        Instant now = clock.instant();
        List<RegistrationView> registrations = new ArrayList<>();
        for (Binding b : bindings.all(now)) {
            registrations.add(new RegistrationView(b.addressOfRecord(), b.contact().text(), b.flow().transport()
                    .name(), b.flow().remote().getAddress().getHostAddress() + ":" + b.flow().remote().getPort(),
                    b.zone(), b.registeredAt(), Duration.between(now, b.expiresAt())));
        }
        List<ZoneStatus> zones = new ArrayList<>();
        for (ZoneConfig z : config.zones()) {
            zones.add(zoneStatus(z));
        }
        List<String> listening = transports.listeningAddresses();
        String detail = String.join(", ", listening) + (tlsFailure == null ? "" : "; TLS not started: " + tlsFailure)
                + (config.maintenanceMode() ? "; maintenance mode" : "");
        return new SipSnapshot(EngineState.RUNNING, detail, listening, registrations, zones, history.recent(),
                new SipSnapshot.Counters(counters.requestsIn.sum(), counters.responsesIn.sum(),
                        counters.malformed.sum(), counters.challenges.sum(), counters.rateLimited.sum()),
                mra.count(now));
    }

    private ZoneStatus zoneStatus(ZoneConfig z) {
        String peer = z.peers().isEmpty() ? null : z.peers().get(0) + ":" + z.port();
        if (!z.sipEnabled()) {
            return new ZoneStatus(z.id(), z.name(), z.type().name(), "Off", "SIP mode Off", peer, started);
        }
        if (z.type() == ZoneConfig.ZoneType.NEIGHBOR) {
            return new ZoneStatus(z.id(), z.name(), z.type().name(), "Active", null, peer, started);
        }
        return traversal.status(z);
    }

    /** Removes the bindings of these addresses of record (Status > Registrations > Unregister); how many had any. */
    public int unregister(Collection<String> addressesOfRecord) {
        int removed = 0;
        for (String aor : addressesOfRecord) {
            if (bindings.remove(aor)) {
                removed++;
            }
        }
        return removed;
    }

    /** The calls through this server. */
    public CallTracker calls() {
        return calls;
    }

    /** Ends the calls (their records say SIP stopped), closes listeners and connections. */
    public void stop() {
        calls.endAll("SIP stopped");
        if (housekeeping != null) {
            housekeeping.cancel(false);
            mediaTimeout.cancel(false);
        }
        traversal.stop();
        transports.close();
    }
}
