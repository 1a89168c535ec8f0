package org.edgeway.services.protection;

import java.io.Serializable;

/** One category as the Configuration page and the API show it (P39); windows and durations in seconds. */
public record CategoryView(String id, String name, boolean enabled, String description, int triggerLevel,
        int detectionWindow, int blockDuration) implements Serializable {
}
