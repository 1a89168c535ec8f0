package org.edgeway.services.protection;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** Edit of one category (P39): State, Description, Trigger level, Detection window, Block duration. */
public class CategoryForm implements Serializable {

    public static final int MAX_TRIGGER_LEVEL = 1000;
    /** One day. */
    public static final int MAX_WINDOW = 86_400;
    /** One week. */
    public static final int MAX_BLOCK = 604_800;

    private String id;
    private boolean enabled;
    @Size(max = 256, message = "must be at most 256 characters")
    private String description;
    @Min(value = 1, message = "must be between 1 and " + MAX_TRIGGER_LEVEL)
    @Max(value = MAX_TRIGGER_LEVEL, message = "must be between 1 and " + MAX_TRIGGER_LEVEL)
    private int triggerLevel;
    @Min(value = 1, message = "must be between 1 and " + MAX_WINDOW + " seconds")
    @Max(value = MAX_WINDOW, message = "must be between 1 and " + MAX_WINDOW + " seconds")
    private int detectionWindow;
    @Min(value = 1, message = "must be between 1 and " + MAX_BLOCK + " seconds")
    @Max(value = MAX_BLOCK, message = "must be between 1 and " + MAX_BLOCK + " seconds")
    private int blockDuration;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
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
        this.description = description == null || description.isBlank() ? null : description.trim();
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
