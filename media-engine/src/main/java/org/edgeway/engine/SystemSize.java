package org.edgeway.engine;

/** Appliance / VM size; several TURN and demultiplexing limits depend on it (seed 003). */
public enum SystemSize {
    SMALL("Small"),
    MEDIUM("Medium"),
    LARGE("Large");

    private final String label;

    SystemSize(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
