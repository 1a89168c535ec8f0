package org.edgeway.engine;

/**
 * State of one engine service (e.g. "TURN") for status pages.
 *
 * @param name   service name as shown in the console
 * @param state  lifecycle state
 * @param detail human-readable detail (listening addresses, or the reason it failed)
 */
public record ServiceStatus(String name, EngineState state, String detail) {
}
