package org.edgeway.engine;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.ResourceLeakDetector;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.edgeway.engine.net.BlockedSources;
import org.edgeway.engine.net.SourceGate;
import org.edgeway.engine.net.Transports;

/**
 * The engine facade: start, apply configuration, stop, snapshot, events. Owns the Netty event loops and runs a
 * fixed set of {@link EngineService}s on them, each with its part of the {@link EngineConfig}. Knows no service by
 * type: everything service-specific lives behind {@link EngineService}.
 * Thread-safe: lifecycle methods are serialised; {@link #snapshot()} never blocks on the packet path.
 */
public final class Engine implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Engine.class.getName());
    /** Netty's own system property for its buffer leak detector. */
    public static final String LEAK_DETECTION_PROPERTY = "io.netty.leakDetection.level";
    /** System property overriding the number of Netty event loop threads. */
    public static final String IO_THREADS_PROPERTY = "edgeway.engine.ioThreads";

    private final EngineListener listener;
    private final List<EngineService<?, ?>> services;
    /** Kept across service restarts: a block outlives a change of the node settings. */
    private final SourceGate gate = new SourceGate();
    private EventLoopGroup loops;
    private ServiceContext context;
    private volatile EngineConfig config;
    private volatile EngineState state = EngineState.STOPPED;
    private volatile Instant startedAt;

    /** An engine with the standard services of a node. */
    public Engine(EngineListener listener) {
        this(listener, StandardServices.create());
    }

    /** An engine with the given services (started in this order, stopped in reverse). */
    public Engine(EngineListener listener, List<EngineService<?, ?>> services) {
        this.listener = listener == null ? EngineListener.NONE : listener;
        this.services = List.copyOf(services);
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

    /**
     * Turns Netty's buffer leak detector off unless {@value #LEAK_DETECTION_PROPERTY} asks for a level. At its
     * default (SIMPLE) it wraps every buffer, draws a random number per allocation, records a stack trace for one
     * in 128 and touches every message in every pipeline: a per-packet cost on the relay path, for a diagnostic.
     * Must run before the first channel exists (a pipeline decides once whether to touch messages).
     */
    static void leakDetectionOffUnlessConfigured() {
        if (System.getProperty(LEAK_DETECTION_PROPERTY) == null) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
    }

    /** Starts the event loops and the services the configuration enables. */
    public synchronized void start(EngineConfig initial) {
        Objects.requireNonNull(initial, "config");
        if (state == EngineState.RUNNING) {
            apply(initial);
            return;
        }
        changeState(EngineState.STARTING, "starting");
        leakDetectionOffUnlessConfigured();
        try {
            loops = new MultiThreadIoEventLoopGroup(ioThreads(), Transports.ioHandlerFactory());
            LOG.info("engine event loops: " + ioThreads() + " on " + Transports.describe());
            config = initial;
            startedAt = Instant.now();
            changeState(EngineState.RUNNING, "event loops running");
            startServices(initial);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "engine failed to start", e);
            stopServices();
            shutdownLoops();
            changeState(EngineState.FAILED, String.valueOf(e.getMessage()));
            throw e;
        }
    }

    /**
     * Hands the engine a new configuration. A change of the node settings (role, size, host name, bind address)
     * restarts every service; otherwise each service gets its part and decides what it can change live and what
     * it must restart (see {@link EngineService#apply}).
     */
    public synchronized void apply(EngineConfig next) {
        Objects.requireNonNull(next, "config");
        EngineConfig previous = config;
        config = next;
        if (state != EngineState.RUNNING) {
            return;
        }
        if (previous == null || !previous.node().equals(next.node())) {
            stopServices();
            startServices(next);
            return;
        }
        for (EngineService<?, ?> service : services) {
            apply(service, next);
        }
    }

    private void startServices(EngineConfig cfg) {
        context = new ServiceContext(cfg.node(), loops, this::emit, gate);
        for (EngineService<?, ?> service : services) {
            start(service, cfg);
        }
    }

    private <C> void start(EngineService<C, ?> service, EngineConfig cfg) {
        service.start(context, cfg.service(service.key()));
    }

    private <C> void apply(EngineService<C, ?> service, EngineConfig cfg) {
        service.apply(context, cfg.service(service.key()));
    }

    private void stopServices() {
        for (int i = services.size() - 1; i >= 0; i--) {
            try {
                services.get(i).stop();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "service " + services.get(i).key() + " failed to stop", e);
            }
        }
    }

    /**
     * Live: the sources automated protection blocks now, refused by every TURN and SIP listener from the next
     * datagram or connection on. Replaces the previous set.
     */
    public void blockSources(BlockedSources blocked) {
        gate.set(blocked);
    }

    public BlockedSources blockedSources() {
        return gate.current();
    }

    /** Stops every service and the event loops, releasing all ports. Idempotent. */
    public synchronized void stop() {
        if (state == EngineState.STOPPED) {
            return;
        }
        stopServices();
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

    /**
     * The service of this type, or the one implementing this interface (such as
     * {@link org.edgeway.engine.calls.CallControl}): status pages act on a running service through it; state is read
     * through {@link #snapshot()}.
     */
    public <T> T service(Class<T> type) {
        for (EngineService<?, ?> s : services) {
            if (type.isInstance(s)) {
                return type.cast(s);
            }
        }
        throw new IllegalArgumentException("no service " + type.getSimpleName());
    }

    /** A consistent, immutable view for status pages. */
    public EngineSnapshot snapshot() {
        List<ServiceStatus> statuses = new ArrayList<>();
        statuses.add(new ServiceStatus("Engine", state,
                state == EngineState.RUNNING ? "Netty event loops running" : state.label()));
        Map<ServiceKey<?, ?>, Object> snapshots = new LinkedHashMap<>();
        for (EngineService<?, ?> service : services) {
            statuses.add(service.status());
            snapshots.put(service.key(), service.snapshot());
        }
        return new EngineSnapshot(state, startedAt, statuses, snapshots);
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
