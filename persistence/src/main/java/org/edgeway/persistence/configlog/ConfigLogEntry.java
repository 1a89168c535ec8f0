package org.edgeway.persistence.configlog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of Status > Logs > Configuration log: who changed which setting from what to what, and when. */
@Entity
@Table(name = "config_log")
@NamedQuery(name = ConfigLogEntry.NEWEST_FIRST, query = "select e from ConfigLogEntry e order by e.changedAt desc, e.id desc")
@NamedQuery(name = ConfigLogEntry.COUNT, query = "select count(e) from ConfigLogEntry e")
public class ConfigLogEntry {

    public static final String NEWEST_FIRST = "ConfigLogEntry.newestFirst";
    public static final String COUNT = "ConfigLogEntry.count";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;
    @Column(name = "changed_by", nullable = false)
    private String changedBy;
    /** Where the change came from: {@code web}, {@code api} or {@code system}. */
    private String source;
    @Column(nullable = false)
    private String setting;
    @Column(name = "old_value")
    private String oldValue;
    @Column(name = "new_value")
    private String newValue;

    protected ConfigLogEntry() {
    }

    public ConfigLogEntry(Instant changedAt, String changedBy, String source, String setting,
            String oldValue, String newValue) {
        this.changedAt = changedAt;
        this.changedBy = changedBy;
        this.source = source;
        this.setting = setting;
        this.oldValue = oldValue;
        this.newValue = newValue;
    }

    public Long getId() {
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
