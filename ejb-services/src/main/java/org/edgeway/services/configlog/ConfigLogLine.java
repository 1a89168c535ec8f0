package org.edgeway.services.configlog;

import java.io.Serializable;
import java.time.Instant;

/** A configuration log line for the console and the API (bean getters for Faces tables). */
public record ConfigLogLine(long id, Instant changedAt, String changedBy, String source, String setting,
        String oldValue, String newValue) implements Serializable {

    public long getId() {
        return id;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public String getSource() {
        return source;
    }

    public String getSetting() {
        return setting;
    }

    public String getOldValue() {
        return oldValue;
    }

    public String getNewValue() {
        return newValue;
    }
}
