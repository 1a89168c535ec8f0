package org.edgeway.services.alarms;

import java.io.Serializable;
import java.time.Instant;

/** An alarm as Status > Alarms shows it (bean getters for Faces tables). */
public record AlarmView(long id, String code, String severity, String title, String action, String state,
        Instant firstRaisedAt, Instant lastRaisedAt, int raiseCount, String acknowledgedBy) implements Serializable {

    public long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getSeverity() {
        return severity;
    }

    public String getTitle() {
        return title;
    }

    public String getAction() {
        return action;
    }

    public String getState() {
        return state;
    }

    public Instant getFirstRaisedAt() {
        return firstRaisedAt;
    }

    public Instant getLastRaisedAt() {
        return lastRaisedAt;
    }

    public int getRaiseCount() {
        return raiseCount;
    }

    public String getAcknowledgedBy() {
        return acknowledgedBy;
    }
}
