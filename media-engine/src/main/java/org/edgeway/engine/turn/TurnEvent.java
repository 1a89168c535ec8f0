package org.edgeway.engine.turn;

import java.time.Instant;
import org.edgeway.engine.EngineEvent;

/** What the TURN service reports besides state changes and alarms. */
public interface TurnEvent extends EngineEvent {

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
            String relayAddress, long lifetimeSeconds) implements TurnEvent {
    }

    /**
     * A TURN allocation ended.
     *
     * @param reason           "refresh 0", "expired", "connection closed", "service stopped"
     * @param packetsRelayed   packets relayed in both directions
     * @param bytesRelayed     application bytes relayed in both directions
     */
    record AllocationDeleted(Instant at, String clientAddress, String transport, String username,
            String relayAddress, String reason, long packetsRelayed, long bytesRelayed) implements TurnEvent {
    }
}
