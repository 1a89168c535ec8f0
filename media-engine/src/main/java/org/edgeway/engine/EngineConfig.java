package org.edgeway.engine;

import java.util.Objects;

/**
 * Immutable snapshot of everything the engine needs to run. The EJB side builds one from persisted settings
 * and hands it over whole on start and on every change; the engine never reads configuration elsewhere.
 *
 * @param role        node role (C or E)
 * @param size        system size, which drives capacity limits
 * @param hostName    system host name, used in SOFTWARE / Via headers and the like
 * @param bindAddress address the engine's listeners bind to (e.g. 0.0.0.0, or 127.0.0.1 in tests)
 */
public record EngineConfig(NodeRole role, SystemSize size, String hostName, String bindAddress) {

    public EngineConfig {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(size, "size");
        hostName = hostName == null || hostName.isBlank() ? "edgeway" : hostName;
        bindAddress = bindAddress == null || bindAddress.isBlank() ? "0.0.0.0" : bindAddress;
    }

    /** A configuration for tests and standalone runs: Expressway-E, Small, loopback. */
    public static EngineConfig defaults() {
        return new EngineConfig(NodeRole.EXPRESSWAY_E, SystemSize.SMALL, "edgeway", "127.0.0.1");
    }
}
