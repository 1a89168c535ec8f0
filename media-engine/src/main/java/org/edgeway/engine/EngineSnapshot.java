package org.edgeway.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Immutable view of the engine at one instant, for status pages.
 *
 * @param state     overall state
 * @param startedAt when the engine last started, or null when stopped
 * @param services  per-service states, the engine first
 * @param snapshots per-service snapshots, keyed by {@link ServiceKey}
 */
public record EngineSnapshot(EngineState state, Instant startedAt, List<ServiceStatus> services,
        Map<ServiceKey<?, ?>, Object> snapshots) {

    public EngineSnapshot {
        services = List.copyOf(services);
        snapshots = Map.copyOf(snapshots);
    }

    /** One service's snapshot; its inactive snapshot when the engine has no such service running. */
    public <S> S service(ServiceKey<?, S> key) {
        Object value = snapshots.get(key);
        return value == null ? key.inactive() : key.snapshot().cast(value);
    }
}
