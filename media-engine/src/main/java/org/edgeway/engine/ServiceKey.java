package org.edgeway.engine;

import java.util.Objects;

/**
 * Names one engine service and the types it takes and reports, so {@link EngineConfig} and {@link EngineSnapshot}
 * can hold every service's part generically yet hand it out typed. Each service declares its key once (e.g.
 * {@code TurnService.KEY}).
 *
 * @param name     the service name shown in the console ("TURN", later "SIP", "B2BUA" ...)
 * @param config   type of the service's configuration
 * @param snapshot type of the service's snapshot
 * @param defaults configuration used when an {@link EngineConfig} carries none for this service
 * @param inactive snapshot of the service while it is not running
 */
public record ServiceKey<C, S>(String name, Class<C> config, Class<S> snapshot, C defaults, S inactive) {

    public ServiceKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(defaults, "defaults");
        Objects.requireNonNull(inactive, "inactive");
    }

    // identity by name: two keys with the same name would be the same service
    @Override
    public boolean equals(Object o) {
        return o instanceof ServiceKey<?, ?> k && k.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
