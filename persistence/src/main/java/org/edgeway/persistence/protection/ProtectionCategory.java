package org.edgeway.persistence.protection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One category of System &gt; Protection &gt; Automated detection (P39): the rows are seeded by the migration and
 * only edited, never created or deleted. Windows and durations are whole seconds.
 */
@Entity
@Table(name = "protection_category")
@NamedQuery(name = ProtectionCategory.ALL, query = "select c from ProtectionCategory c order by c.position")
public class ProtectionCategory {

    public static final String ALL = "ProtectionCategory.all";

    @Id
    private String id;
    @Column(nullable = false)
    private String name;
    @Column(nullable = false)
    private int position;
    @Column(nullable = false)
    private boolean enabled;
    private String description;
    @Column(name = "trigger_level", nullable = false)
    private int triggerLevel;
    @Column(name = "detection_window", nullable = false)
    private int detectionWindow;
    @Column(name = "block_duration", nullable = false)
    private int blockDuration;
    @Version
    private long version;

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public int getPosition() {
        return position;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public int getTriggerLevel() {
        return triggerLevel;
    }

    public void setTriggerLevel(int triggerLevel) {
        this.triggerLevel = triggerLevel;
    }

    public int getDetectionWindow() {
        return detectionWindow;
    }

    public void setDetectionWindow(int detectionWindow) {
        this.detectionWindow = detectionWindow;
    }

    public int getBlockDuration() {
        return blockDuration;
    }

    public void setBlockDuration(int blockDuration) {
        this.blockDuration = blockDuration;
    }
}
