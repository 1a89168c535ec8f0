package org.edgeway.engine;

import java.time.Instant;
import java.util.List;

/**
 * Immutable view of the engine at one instant, for status pages.
 *
 * @param state     overall state
 * @param startedAt when the engine last started, or null when stopped
 * @param services  per-service states
 */
public record EngineSnapshot(EngineState state, Instant startedAt, List<ServiceStatus> services) {

    public EngineSnapshot {
        services = List.copyOf(services);
    }
}
