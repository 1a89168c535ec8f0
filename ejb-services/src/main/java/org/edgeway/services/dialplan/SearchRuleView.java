package org.edgeway.services.dialplan;

import java.io.Serializable;
import java.util.Locale;

/**
 * A search rule as listed and as the API shows it; enumerations by their constant names, a null source zone is
 * "Any".
 */
public record SearchRuleView(long id, String name, String description, int priority, String protocol,
        String sourceZone, boolean requireAuthenticated, String mode, String patternType, String pattern,
        String behavior, String replaceString, String onMatch, String targetZone, boolean enabled)
        implements Serializable {

    public long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public int getPriority() {
        return priority;
    }

    public String getSourceZoneText() {
        return sourceZone == null ? "Any" : sourceZone;
    }

    public String getTargetZone() {
        return targetZone;
    }

    /** "Any alias", or the pattern with its type ("Prefix: 555"). */
    public String getPatternText() {
        if (!"ALIAS_PATTERN_MATCH".equals(mode)) {
            return "Any alias";
        }
        return patternType.charAt(0) + patternType.substring(1).toLowerCase(Locale.ROOT) + ": " + pattern;
    }

    public String getOnMatchText() {
        return "STOP".equals(onMatch) ? "Stop" : "Continue";
    }

    public String getState() {
        return enabled ? "Enabled" : "Disabled";
    }
}
