package org.edgeway.engine;

/**
 * One protocol service of the engine (TURN now; SIP, zones, B2BUA, media and calls next). The {@link Engine}
 * starts, applies, stops and snapshots every service through this interface only; it knows nothing of a service
 * beyond its {@link ServiceKey}.
 *
 * <p>Called by the engine under its lifecycle lock (never concurrently with each other); {@link #snapshot()} and
 * {@link #status()} may be called at any time from any thread and must not block the packet path.
 *
 * @param <C> the service's immutable configuration
 * @param <S> the service's immutable snapshot
 */
public interface EngineService<C, S> {

    ServiceKey<C, S> key();

    /**
     * Starts the service if its configuration enables it. A failure to start (a port taken ...) is reported through
     * {@link #status()}, the snapshot and events; it must not stop the other services, so it is not thrown.
     */
    void start(ServiceContext context, C config);

    /**
     * Hands the running service a new configuration of the same node: it updates in place what can change live and
     * restarts only what must (dropping what that part carried).
     */
    void apply(ServiceContext context, C config);

    /** Stops the service and releases its ports. Idempotent. */
    void stop();

    S snapshot();

    /** Its line on the status pages. */
    ServiceStatus status();
}
