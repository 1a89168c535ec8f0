package org.edgeway.engine.sip;

import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.logging.Level;
import org.edgeway.engine.EngineEvent;
import org.edgeway.engine.EngineService;
import org.edgeway.engine.EngineState;
import org.edgeway.engine.ServiceContext;
import org.edgeway.engine.ServiceKey;
import org.edgeway.engine.ServiceStatus;
import org.edgeway.engine.calls.CallControl;
import org.edgeway.engine.rtp.MediaRelayService;
import org.edgeway.engine.calls.CallRecord;
import org.edgeway.engine.sip.proxy.MraRegistrations;

/**
 * The SIP edge as an engine service: runs a {@link SipServer} while SIP mode is On. {@link #apply} changes
 * domains, zones, search rules, credentials, registration limits, digest algorithms, trusted certificates and
 * maintenance mode in the running server (registrations, transactions and dialogs carry on); a change of a listener's mode or port, the
 * TLS keystore or handshake timeout restarts the listeners, dropping open connections and registrations.
 */
public final class SipService implements EngineService<SipConfig, SipSnapshot>, CallControl {

    static final String NAME = "SIP";
    static final String OFF = "SIP mode Off";
    public static final ServiceKey<SipConfig, SipSnapshot> KEY = new ServiceKey<>(NAME, SipConfig.class,
            SipSnapshot.class, SipConfig.defaults(), SipSnapshot.inactive(OFF));
    /** Alarm id raised when SIP cannot start (a port taken ...). */
    public static final String START_ALARM = "sip-start-failed";

    private volatile SipServer server;
    private volatile SipSnapshot idle = KEY.inactive();
    /** Kept across restarts of the server: the peak counts since the node started. */
    private final MraRegistrations mra = new MraRegistrations();
    private SipConfig running;
    private ServiceContext context;
    private final MediaRelayService media;

    /** SIP without a media relay: calls are proxied with their SDP untouched. */
    public SipService() {
        this(null);
    }

    /** SIP anchoring calls across traversal zones on this media relay service's relay. */
    public SipService(MediaRelayService media) {
        this.media = media;
    }

    @Override
    public ServiceKey<SipConfig, SipSnapshot> key() {
        return KEY;
    }

    @Override
    public void start(ServiceContext context, SipConfig config) {
        running = config;
        this.context = context;
        if (!config.enabled()) {
            idle = KEY.inactive();
            return;
        }
        MediaRelayService relays = media;
        SipServer started = new SipServer(context, config, mra, () -> relays == null ? null : relays.relay());
        try {
            started.start();
            server = started;
            emit(context, new EngineEvent.StateChanged(Instant.now(), NAME, EngineState.RUNNING,
                    started.snapshot().detail()));
            emit(context, new EngineEvent.AlarmCleared(Instant.now(), START_ALARM));
        } catch (IOException | RuntimeException e) {
            SipServer.LOG.log(Level.WARNING, "SIP failed to start", e);
            idle = new SipSnapshot(EngineState.FAILED, "Failed to start: " + e.getMessage(), List.of(), List.of(),
                    List.of(), List.of(), SipSnapshot.Counters.ZERO, SipSnapshot.MraRegistrationCount.ZERO);
            emit(context, new EngineEvent.StateChanged(Instant.now(), NAME, EngineState.FAILED,
                    String.valueOf(e.getMessage())));
            emit(context, new EngineEvent.AlarmRaised(Instant.now(), START_ALARM, "Error", "SIP failed to start",
                    "Check that the SIP UDP, TCP and TLS ports are free: " + e.getMessage()));
        }
    }

    @Override
    public void apply(ServiceContext context, SipConfig config) {
        SipConfig previous = running;
        if (config.equals(previous)) {
            return;
        }
        SipServer current = server;
        if (current != null && listeners(config).equals(listeners(previous))) {
            running = config;
            current.update(config);
            return;
        }
        stop();
        start(context, config);
    }

    /** What only a restart of the listeners can change. */
    private static List<Object> listeners(SipConfig c) {
        return java.util.Arrays.asList(c.enabled(), c.udp(), c.tcp(), c.tls(), c.tlsHandshakeTimeout(),
                c.tlsKeyStore(), c.tlsKeyStorePassword());
    }

    @Override
    public void stop() {
        SipServer current = server;
        if (current != null) {
            server = null;
            current.stop();
            idle = KEY.inactive();
            emit(context, new EngineEvent.StateChanged(Instant.now(), NAME, EngineState.STOPPED, "stopped"));
        }
    }

    @Override
    public SipSnapshot snapshot() {
        SipServer current = server;
        return current != null ? current.snapshot() : idle.withMraRegistrations(mra.count(Instant.now()));
    }

    @Override
    public ServiceStatus status() {
        SipSnapshot s = snapshot();
        return new ServiceStatus(NAME, s.state(), s.detail());
    }

    /**
     * Removes the registrations of these addresses of record; how many had any.
     *
     * @throws IllegalStateException when SIP is not running
     */
    public int unregister(Collection<String> addressesOfRecord) {
        SipServer current = server;
        if (current == null) {
            throw new IllegalStateException("SIP is not running");
        }
        return current.unregister(addressesOfRecord);
    }

    @Override
    public List<CallRecord> activeCalls() {
        SipServer current = server;
        return current == null ? List.of() : current.calls().activeCalls();
    }

    @Override
    public boolean disconnect(String serialNumber) {
        SipServer current = server;
        return current != null && current.calls().disconnect(serialNumber);
    }

    /** The running server, or null (tests read its bound ports). */
    public SipServer server() {
        return server;
    }

    private static void emit(ServiceContext context, EngineEvent event) {
        try {
            context.events().onEvent(event);
        } catch (RuntimeException e) {
            SipServer.LOG.log(Level.WARNING, "engine listener failed", e);
        }
    }
}
