package org.edgeway.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Immutable snapshot of everything the engine needs to run: the node's settings and one configuration per service,
 * keyed by {@link ServiceKey}. The EJB side builds one from persisted settings (each feature contributes its part)
 * and hands it over whole on start and on every change; the engine never reads configuration elsewhere.
 *
 * @param node     role, size, host name, bind address
 * @param services per-service configurations; a service without one runs with {@link ServiceKey#defaults()}
 */
public record EngineConfig(NodeSettings node, Map<ServiceKey<?, ?>, Object> services) {

    public EngineConfig {
        Objects.requireNonNull(node, "node");
        Map<ServiceKey<?, ?>, Object> copy = new LinkedHashMap<>();
        (services == null ? Map.<ServiceKey<?, ?>, Object>of() : services).forEach((key, value) ->
                copy.put(key, key.config().cast(Objects.requireNonNull(value, key.name()))));
        services = Collections.unmodifiableMap(copy);
    }

    /** Node settings only: every service with its defaults. */
    public EngineConfig(NodeRole role, SystemSize size, String hostName, String bindAddress) {
        this(new NodeSettings(role, size, hostName, bindAddress), Map.of());
    }

    /** A configuration for tests and standalone runs: Expressway-E, Small, loopback, every service at defaults. */
    public static EngineConfig defaults() {
        return new EngineConfig(NodeRole.EXPRESSWAY_E, SystemSize.SMALL, "edgeway", "127.0.0.1");
    }

    public NodeRole role() {
        return node.role();
    }

    public SystemSize size() {
        return node.size();
    }

    public String hostName() {
        return node.hostName();
    }

    public String bindAddress() {
        return node.bindAddress();
    }

    /** The configuration of one service (its defaults when none was given). */
    public <C> C service(ServiceKey<C, ?> key) {
        Object value = services.get(key);
        return value == null ? key.defaults() : key.config().cast(value);
    }

    /** A copy with another configuration for one service. */
    public <C> EngineConfig with(ServiceKey<C, ?> key, C config) {
        Map<ServiceKey<?, ?>, Object> next = new LinkedHashMap<>(services);
        next.put(key, config);
        return new EngineConfig(node, next);
    }
}
