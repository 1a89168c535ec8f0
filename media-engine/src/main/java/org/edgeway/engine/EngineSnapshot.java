package org.edgeway.engine;

import org.edgeway.engine.turn.TurnSnapshot;

import java.time.Instant;
import java.util.List;

/**
 * Immutable view of the engine at one instant, for status pages.
 *
 * @param state     overall state
 * @param startedAt when the engine last started, or null when stopped
 * @param services  per-service states
 * @param turn      the TURN server's status and relays (never null; inactive when TURN is off)
 */
public record EngineSnapshot(EngineState state, Instant startedAt, List<ServiceStatus> services, TurnSnapshot turn) {

    public EngineSnapshot {
        services = List.copyOf(services);
        turn = turn == null ? TurnSnapshot.inactive("TURN services Off") : turn;
    }

    /** The original three-argument form (TURN inactive). */
    public EngineSnapshot(EngineState state, Instant startedAt, List<ServiceStatus> services) {
        this(state, startedAt, services, null);
    }
}
