package org.edgeway.engine;

import java.util.Objects;

/**
 * The settings of the node that every service depends on; changing one restarts every service.
 *
 * @param role        node role (C or E)
 * @param size        system size, which drives capacity limits
 * @param hostName    system host name, used in SOFTWARE / Via headers and the like
 * @param bindAddress address the engine's listeners bind to (e.g. 0.0.0.0, or 127.0.0.1 in tests)
 */
public record NodeSettings(NodeRole role, SystemSize size, String hostName, String bindAddress) {

    public NodeSettings {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(size, "size");
        hostName = hostName == null || hostName.isBlank() ? "edgeway" : hostName;
        bindAddress = bindAddress == null || bindAddress.isBlank() ? "0.0.0.0" : bindAddress;
    }
}
