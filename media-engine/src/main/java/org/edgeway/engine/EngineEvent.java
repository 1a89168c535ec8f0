package org.edgeway.engine;

import java.time.Instant;

/**
 * Something the engine reports for the EJB side to persist or act on (state changes, alarms, TURN allocations,
 * and later registrations and calls). Delivered on an engine thread: listeners must not block.
 */
public sealed interface EngineEvent {

    Instant at();

    /** The engine or one service changed state. */
    record StateChanged(Instant at, String service, EngineState state, String detail) implements EngineEvent {
    }

    /** A condition an administrator must see on Status > Alarms. {@code id} is stable per condition. */
    record AlarmRaised(Instant at, String id, String severity, String title, String action) implements EngineEvent {
    }

    /** The condition behind an earlier alarm has gone. */
    record AlarmCleared(Instant at, String id) implements EngineEvent {
    }

    /**
     * A TURN client created an allocation (relay).
     *
     * @param clientAddress client transport address, "ip:port"
     * @param transport     "UDP", "TCP" or "TLS"
     * @param username      authenticated username
     * @param relayAddress  relayed transport address (the first one for a dual-stack allocation)
     * @param lifetimeSeconds granted lifetime
     */
    record AllocationCreated(Instant at, String clientAddress, String transport, String username,
            String relayAddress, long lifetimeSeconds) implements EngineEvent {
    }

    /**
     * A TURN allocation ended.
     *
     * @param reason           "refresh 0", "expired", "connection closed", "service stopped"
     * @param packetsRelayed   packets relayed in both directions
     * @param bytesRelayed     application bytes relayed in both directions
     */
    record AllocationDeleted(Instant at, String clientAddress, String transport, String username,
            String relayAddress, String reason, long packetsRelayed, long bytesRelayed) implements EngineEvent {
    }
}
