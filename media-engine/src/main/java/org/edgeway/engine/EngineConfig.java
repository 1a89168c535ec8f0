package org.edgeway.engine;

import org.edgeway.engine.turn.TurnConfig;

import java.util.Objects;

/**
 * Immutable snapshot of everything the engine needs to run. The EJB side builds one from persisted settings
 * and hands it over whole on start and on every change; the engine never reads configuration elsewhere.
 *
 * @param role        node role (C or E)
 * @param size        system size, which drives capacity limits
 * @param hostName    system host name, used in SOFTWARE / Via headers and the like
 * @param bindAddress address the engine's listeners bind to (e.g. 0.0.0.0, or 127.0.0.1 in tests)
 * @param turn        TURN server settings (TURN runs on Expressway-E only); null means {@link TurnConfig#defaults()}
 *                    (TURN Off)
 */
public record EngineConfig(NodeRole role, SystemSize size, String hostName, String bindAddress, TurnConfig turn) {

    public EngineConfig {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(size, "size");
        hostName = hostName == null || hostName.isBlank() ? "edgeway" : hostName;
        bindAddress = bindAddress == null || bindAddress.isBlank() ? "0.0.0.0" : bindAddress;
        turn = turn == null ? TurnConfig.defaults() : turn;
    }

    /** The original four-argument form: TURN disabled. */
    public EngineConfig(NodeRole role, SystemSize size, String hostName, String bindAddress) {
        this(role, size, hostName, bindAddress, TurnConfig.defaults());
    }

    /** A configuration for tests and standalone runs: Expressway-E, Small, loopback, TURN off. */
    public static EngineConfig defaults() {
        return new EngineConfig(NodeRole.EXPRESSWAY_E, SystemSize.SMALL, "edgeway", "127.0.0.1");
    }

    /** A copy with other TURN settings. */
    public EngineConfig withTurn(TurnConfig next) {
        return new EngineConfig(role, size, hostName, bindAddress, next);
    }
}
