package org.edgeway.engine.calls;

/** Where a call is in its life, as Status > Calls shows it. */
public enum CallStatus {
    /** Set up or being set up; shown on Status > Calls > Calls. */
    ACTIVE("Active"),
    /** Answered and then cleared. */
    COMPLETED("Completed"),
    /** Never answered (rejected, not found, timed out, cancelled). */
    FAILED("Failed");

    private final String label;

    CallStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
