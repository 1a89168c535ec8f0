package org.edgeway.services.system;

/** CDI event fired inside a transaction that changed configuration the engine uses; observed after commit. */
public record SettingsChanged(String page) {
}
