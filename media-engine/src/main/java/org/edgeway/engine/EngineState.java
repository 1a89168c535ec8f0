package org.edgeway.engine;

/** Lifecycle state of the engine or of one of its services. */
public enum EngineState {
    STOPPED("Inactive"),
    STARTING("Starting"),
    RUNNING("Active"),
    FAILED("Failed");

    private final String label;

    EngineState(String label) {
        this.label = label;
    }

    /** The word the console shows (Expressway vocabulary: Active / Inactive). */
    public String label() {
        return label;
    }
}
