package org.edgeway.engine;

/** Receives engine events. Called on engine threads; implementations must be quick and must not throw. */
@FunctionalInterface
public interface EngineListener {

    void onEvent(EngineEvent event);

    EngineListener NONE = event -> { };
}
