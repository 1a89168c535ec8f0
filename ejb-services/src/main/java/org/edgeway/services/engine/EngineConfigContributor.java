package org.edgeway.services.engine;

import org.edgeway.engine.EngineConfig;

/**
 * A feature's part of the engine configuration. {@link EngineLifecycle} starts from the node settings and lets
 * every contributor (a CDI bean of the feature's package) add its service's configuration, so the lifecycle holds
 * no feature's state and a new engine service needs no change here.
 */
public interface EngineConfigContributor {

    /** {@code config} with this feature's service configuration built from the stored settings. */
    EngineConfig contribute(EngineConfig config);
}
