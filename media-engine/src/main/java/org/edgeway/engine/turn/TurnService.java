package org.edgeway.engine.turn;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.edgeway.engine.EngineEvent;
import org.edgeway.engine.EngineService;
import org.edgeway.engine.EngineState;
import org.edgeway.engine.NodeRole;
import org.edgeway.engine.ServiceContext;
import org.edgeway.engine.ServiceKey;
import org.edgeway.engine.ServiceStatus;

/**
 * The TURN relay as an engine service: runs a {@link TurnServer} on the Expressway-E while TURN services are On.
 *
 * <p>{@link #apply} changes credentials (the local database and the time-limited credentials' shared secret) in
 * the running server: live allocations, their permissions and channels keep relaying. Any other change restarts
 * the server and drops its allocations, as seed 003 documents ("changes to other TURN settings do not come into
 * effect until the TURN services is restarted"); the EJB side holds those back until the administrator restarts.
 */
public final class TurnService implements EngineService<TurnConfig, TurnSnapshot> {

    private static final Logger LOG = Logger.getLogger(TurnService.class.getName());
    static final String NAME = "TURN";
    static final String OFF = "TURN services Off";
    public static final ServiceKey<TurnConfig, TurnSnapshot> KEY = new ServiceKey<>(NAME, TurnConfig.class,
            TurnSnapshot.class, TurnConfig.defaults(), TurnSnapshot.inactive(OFF));
    /** Alarm id raised when the TURN service cannot start. */
    public static final String START_ALARM = "turn-start-failed";
    /** Alarm id raised when TURN runs but its TLS listener cannot start (keystore missing or unreadable). */
    public static final String TLS_ALARM = "turn-tls-failed";

    private volatile TurnServer server;
    private volatile TurnSnapshot idle = KEY.inactive();
    private TurnConfig running;

    @Override
    public ServiceKey<TurnConfig, TurnSnapshot> key() {
        return KEY;
    }

    @Override
    public void start(ServiceContext context, TurnConfig config) {
        running = config;
        if (!config.enabled()) {
            idle = KEY.inactive();
            return;
        }
        if (context.node().role() != NodeRole.EXPRESSWAY_E) {
            idle = TurnSnapshot.inactive("TURN relay services are only available on the "
                    + NodeRole.EXPRESSWAY_E.label());
            return;
        }
        TurnServer started = new TurnServer(context, config);
        try {
            started.start();
            server = started;
            emit(context, new EngineEvent.StateChanged(Instant.now(), NAME, EngineState.RUNNING,
                    String.join(", ", started.listeningAddresses())));
            emit(context, new EngineEvent.AlarmCleared(Instant.now(), START_ALARM));
            if (started.tlsFailure() != null) {
                emit(context, new EngineEvent.AlarmRaised(Instant.now(), TLS_ALARM, "Warning",
                        "TURN over TLS failed to start",
                        "Check the TLS keystore file and its password; UDP and TCP TURN are running: "
                                + started.tlsFailure()));
            } else {
                emit(context, new EngineEvent.AlarmCleared(Instant.now(), TLS_ALARM));
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "TURN server failed to start", e);
            idle = new TurnSnapshot(EngineState.FAILED, "Failed to start: " + e.getMessage(), List.of(), List.of(),
                    0, 0, 0, List.of(), TurnSnapshot.Counters.ZERO);
            emit(context, new EngineEvent.StateChanged(Instant.now(), NAME, EngineState.FAILED,
                    String.valueOf(e.getMessage())));
            emit(context, new EngineEvent.AlarmRaised(Instant.now(), START_ALARM, "Error",
                    "TURN server failed to start",
                    "Check that the TURN request ports and media port range are free: " + e.getMessage()));
        }
    }

    @Override
    public void apply(ServiceContext context, TurnConfig config) {
        TurnConfig previous = running;
        if (config.equals(previous)) {
            return;
        }
        TurnServer current = server;
        if (current != null && config.equals(previous.withLiveSettingsOf(config))) {
            running = config;
            current.updateLive(config);
            return;
        }
        stop();
        start(context, config);
    }

    @Override
    public void stop() {
        TurnServer current = server;
        if (current != null) {
            server = null;
            current.stop();
            idle = KEY.inactive();
            current.emit(new EngineEvent.StateChanged(Instant.now(), NAME, EngineState.STOPPED, "stopped"));
        }
    }

    @Override
    public TurnSnapshot snapshot() {
        TurnServer current = server;
        return current != null ? current.snapshot() : idle;
    }

    @Override
    public ServiceStatus status() {
        TurnSnapshot s = snapshot();
        return new ServiceStatus(NAME, s.state(), s.detail());
    }

    /** The running server, or null (tests and the benchmark read its bound ports). */
    public TurnServer server() {
        return server;
    }

    private static void emit(ServiceContext context, EngineEvent event) {
        try {
            context.events().onEvent(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "engine listener failed", e);
        }
    }
}
