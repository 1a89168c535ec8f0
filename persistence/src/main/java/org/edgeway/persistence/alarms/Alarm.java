package org.edgeway.persistence.alarms;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One alarm on Status > Alarms. {@code code} identifies the condition (e.g. {@code engine.failed}); raising the
 * same code again while it is not lowered updates the last-raised time instead of adding a row.
 */
@Entity
@Table(name = "alarm")
@NamedQuery(name = Alarm.OPEN_BY_CODE,
        query = "select a from Alarm a where a.code = :code and a.state <> 'LOWERED'")
@NamedQuery(name = Alarm.OPEN_BY_CODE_PREFIX, query = "select a from Alarm a where a.code like :prefix"
        + " and a.state <> 'LOWERED' order by a.lastRaisedAt desc")
@NamedQuery(name = Alarm.ALL, query = "select a from Alarm a order by a.lastRaisedAt desc")
@NamedQuery(name = Alarm.COUNT_OPEN, query = "select count(a) from Alarm a where a.state <> 'LOWERED'")
public class Alarm {

    public static final String OPEN_BY_CODE = "Alarm.openByCode";
    public static final String OPEN_BY_CODE_PREFIX = "Alarm.openByCodePrefix";
    public static final String ALL = "Alarm.all";
    public static final String COUNT_OPEN = "Alarm.countOpen";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String code;
    /** {@code CRITICAL}, {@code ERROR}, {@code WARNING} or {@code INFO}. */
    @Column(nullable = false)
    private String severity;
    @Column(nullable = false)
    private String title;
    private String action;
    /** {@code RAISED}, {@code ACKNOWLEDGED} or {@code LOWERED}. */
    @Column(nullable = false)
    private String state = "RAISED";
    @Column(name = "first_raised_at", nullable = false)
    private Instant firstRaisedAt;
    @Column(name = "last_raised_at", nullable = false)
    private Instant lastRaisedAt;
    @Column(name = "raise_count", nullable = false)
    private int raiseCount = 1;
    @Column(name = "acknowledged_by")
    private String acknowledgedBy;
    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;
    @Column(name = "lowered_at")
    private Instant loweredAt;
    @Version
    private long version;

    protected Alarm() {
    }

    public Alarm(String code, String severity, String title, String action, Instant at) {
        this.code = code;
        this.severity = severity;
        this.title = title;
        this.action = action;
        this.firstRaisedAt = at;
        this.lastRaisedAt = at;
    }

    /** The condition was seen again. */
    public void raisedAgain(Instant at) {
        lastRaisedAt = at;
        raiseCount++;
    }

    public void acknowledge(String by, Instant at) {
        if (!"LOWERED".equals(state)) {
            state = "ACKNOWLEDGED";
        }
        acknowledgedBy = by;
        acknowledgedAt = at;
    }

    public void lower(Instant at) {
        state = "LOWERED";
        loweredAt = at;
    }

    public Long getId() {
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

    public Instant getAcknowledgedAt() {
        return acknowledgedAt;
    }

    public Instant getLoweredAt() {
        return loweredAt;
    }
}
