package org.edgeway.engine;

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

/**
 * The engine facade: start, apply configuration, stop, snapshot, events. Owns the Netty event loops; the
 * protocol services (TURN, SIP, ...) are started on them according to the configuration.
 * Thread-safe: lifecycle methods are serialised; {@link #snapshot()} never blocks on the packet path.
 */
public final class Engine implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Engine.class.getName());

    private final EngineListener listener;
    private EventLoopGroup loops;
    private volatile EngineConfig config;
    private volatile EngineState state = EngineState.STOPPED;
    private volatile Instant startedAt;

    public Engine(EngineListener listener) {
        this.listener = listener == null ? EngineListener.NONE : listener;
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
            loops = new MultiThreadIoEventLoopGroup(Math.max(2, Runtime.getRuntime().availableProcessors()),
                    NioIoHandler.newFactory());
            config = initial;
            startedAt = Instant.now();
            changeState(EngineState.RUNNING, "event loops running");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "engine failed to start", e);
            shutdownLoops();
            changeState(EngineState.FAILED, String.valueOf(e.getMessage()));
            throw e;
        }
    }

    /** Hands the engine a new configuration; services restart only where their settings changed. */
    public synchronized void apply(EngineConfig next) {
        Objects.requireNonNull(next, "config");
        if (state != EngineState.RUNNING) {
            config = next;
            return;
        }
        config = next;
    }

    /** Stops every service and the event loops, releasing all ports. Idempotent. */
    public synchronized void stop() {
        if (state == EngineState.STOPPED) {
            return;
        }
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
        return new EngineSnapshot(state, startedAt, services);
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
