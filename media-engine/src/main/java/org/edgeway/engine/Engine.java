package org.edgeway.engine;

import org.edgeway.engine.turn.TurnSnapshot;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.edgeway.engine.turn.TurnServer;

/**
 * The engine facade: start, apply configuration, stop, snapshot, events. Owns the Netty event loops; the
 * protocol services (TURN, SIP, ...) are started on them according to the configuration.
 * Thread-safe: lifecycle methods are serialised; {@link #snapshot()} never blocks on the packet path.
 */
public final class Engine implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Engine.class.getName());
    /** Alarm id raised when the TURN service cannot start. */
    public static final String TURN_ALARM = "turn-start-failed";
    /** Alarm id raised when TURN runs but its TLS listener cannot start (keystore missing or unreadable). */
    public static final String TURN_TLS_ALARM = "turn-tls-failed";
    /** System property overriding the number of Netty event loop threads. */
    public static final String IO_THREADS_PROPERTY = "edgeway.engine.ioThreads";

    private final EngineListener listener;
    private EventLoopGroup loops;
    private volatile EngineConfig config;
    private volatile EngineState state = EngineState.STOPPED;
    private volatile Instant startedAt;
    private volatile TurnServer turn;
    private volatile TurnSnapshot turnStatus = TurnSnapshot.inactive("TURN services Off");

    public Engine(EngineListener listener) {
        this.listener = listener == null ? EngineListener.NONE : listener;
    }

    /**
     * Event loop threads: system property {@value #IO_THREADS_PROPERTY} if set, else the number of processors (at
     * least 2).
     */
    static int ioThreads() {
        Integer configured = Integer.getInteger(IO_THREADS_PROPERTY);
        if (configured != null && configured > 0) {
            return configured;
        }
        return Math.max(2, Runtime.getRuntime().availableProcessors());
    }

    /** Starts the event loops and the services the configuration enables. */
    public synchronized void start(EngineConfig initial) {
        Objects.requireNonNull(initial, "config");
        if (state == EngineState.RUNNING) {
            apply(initial);
            return;
        }
        changeState(EngineState.STARTING, "starting");
        try {
            loops = new MultiThreadIoEventLoopGroup(ioThreads(), NioIoHandler.newFactory());
            config = initial;
            startedAt = Instant.now();
            changeState(EngineState.RUNNING, "event loops running");
            startTurn(initial);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "engine failed to start", e);
            stopTurn();
            shutdownLoops();
            changeState(EngineState.FAILED, String.valueOf(e.getMessage()));
            throw e;
        }
    }

    /**
     * Hands the engine a new configuration; services restart only where their settings changed. The TURN service
     * restarts (dropping its allocations) when its settings, the role, the system size or the bind address change:
     * "changes to other TURN settings do not come into effect until the TURN services is restarted" (seed 003).
     */
    public synchronized void apply(EngineConfig next) {
        Objects.requireNonNull(next, "config");
        EngineConfig previous = config;
        config = next;
        if (state != EngineState.RUNNING) {
            return;
        }
        if (previous == null || turnSettingsChanged(previous, next)) {
            stopTurn();
            startTurn(next);
        }
    }

    private static boolean turnSettingsChanged(EngineConfig a, EngineConfig b) {
        return !a.turn().equals(b.turn()) || a.role() != b.role() || a.size() != b.size()
                || !a.bindAddress().equals(b.bindAddress()) || !a.hostName().equals(b.hostName());
    }

    private void startTurn(EngineConfig cfg) {
        if (!cfg.turn().enabled()) {
            turnStatus = TurnSnapshot.inactive("TURN services Off");
            return;
        }
        if (cfg.role() != NodeRole.EXPRESSWAY_E) {
            turnStatus = TurnSnapshot.inactive("TURN relay services are only available on the Expressway-E");
            return;
        }
        TurnServer server = new TurnServer(cfg, loops, this::emit);
        try {
            server.start();
            turn = server;
            emit(new EngineEvent.StateChanged(Instant.now(), "TURN", EngineState.RUNNING,
                    String.join(", ", server.listeningAddresses())));
            emit(new EngineEvent.AlarmCleared(Instant.now(), TURN_ALARM));
            if (server.tlsFailure() != null) {
                emit(new EngineEvent.AlarmRaised(Instant.now(), TURN_TLS_ALARM, "Warning",
                        "TURN over TLS failed to start",
                        "Check the TLS keystore file and its password; UDP and TCP TURN are running: "
                                + server.tlsFailure()));
            } else {
                emit(new EngineEvent.AlarmCleared(Instant.now(), TURN_TLS_ALARM));
            }
        } catch (java.io.IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "TURN server failed to start", e);
            turnStatus = new TurnSnapshot(EngineState.FAILED, "Failed to start: " + e.getMessage(),
                    java.util.List.of(), java.util.List.of(), 0, 0, 0, java.util.List.of(), TurnSnapshot.Counters.ZERO);
            emit(new EngineEvent.StateChanged(Instant.now(), "TURN", EngineState.FAILED, String.valueOf(e.getMessage())));
            emit(new EngineEvent.AlarmRaised(Instant.now(), TURN_ALARM, "Error", "TURN server failed to start",
                    "Check that the TURN request ports and media port range are free: " + e.getMessage()));
        }
    }

    private void stopTurn() {
        TurnServer server = turn;
        if (server != null) {
            turn = null;
            server.stop();
            turnStatus = TurnSnapshot.inactive("TURN services Off");
            emit(new EngineEvent.StateChanged(Instant.now(), "TURN", EngineState.STOPPED, "stopped"));
        }
    }

    /** The running TURN server, or null (tests and the benchmark read its bound ports). */
    public TurnServer turnServer() {
        return turn;
    }

    /** Stops every service and the event loops, releasing all ports. Idempotent. */
    public synchronized void stop() {
        if (state == EngineState.STOPPED) {
            return;
        }
        stopTurn();
        shutdownLoops();
        startedAt = null;
        changeState(EngineState.STOPPED, "stopped");
    }

    @Override
    public void close() {
        stop();
    }

    public EngineConfig config() {
        return config;
    }

    /** A consistent, immutable view for status pages. */
    public EngineSnapshot snapshot() {
        List<ServiceStatus> services = new ArrayList<>();
        services.add(new ServiceStatus("Engine", state,
                state == EngineState.RUNNING ? "Netty event loops running" : state.label()));
        TurnServer server = turn;
        TurnSnapshot t = server != null ? server.snapshot() : turnStatus;
        services.add(new ServiceStatus("TURN", t.state(), t.detail()));
        return new EngineSnapshot(state, startedAt, services, t);
    }

    private void shutdownLoops() {
        if (loops != null) {
            loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            loops = null;
        }
    }

    private void changeState(EngineState next, String detail) {
        state = next;
        emit(new EngineEvent.StateChanged(Instant.now(), "Engine", next, detail));
    }

    private void emit(EngineEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "engine listener failed", e);
        }
    }
}
