package org.edgeway.services.security;

/** An administrator account's access level (Users > Administrator accounts). */
public enum AccessLevel {
    READ_WRITE("Read-write"),
    READ_ONLY("Read-only");

    private final String label;

    AccessLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
