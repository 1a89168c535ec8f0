package org.edgeway.engine.zones;

import java.util.Objects;

/**
 * One search rule of the dial plan (Configuration &gt; Dial plan &gt; Search rules). Rules are tried in ascending
 * priority; a rule whose pattern matches sends the (possibly transformed) alias to its target, then stops or lets
 * lower-priority rules also try, as {@code onMatch} says.
 *
 * @param id                 rule number
 * @param name               unique rule name
 * @param priority           1..65534, lower first
 * @param sourceZone         null = any source, else the name of the zone the request must come from (or
 *                           {@link #LOCAL_ZONE} / {@link #DEFAULT_ZONE})
 * @param requireAuthenticated only requests that were authenticated match
 * @param mode               any alias, or alias pattern match
 * @param patternType        how {@code pattern} is compared (alias pattern match only)
 * @param pattern            the pattern string
 * @param behavior           leave, strip the matched part, or replace it with {@code replaceString}
 * @param replaceString      replacement (regex: may use \1 style groups)
 * @param onMatch            continue or stop searching
 * @param targetZone         zone name, or {@link #LOCAL_ZONE} for local registrations
 * @param enabled            state
 */
public record SearchRule(
        int id,
        String name,
        int priority,
        String sourceZone,
        boolean requireAuthenticated,
        Mode mode,
        PatternType patternType,
        String pattern,
        PatternBehavior behavior,
        String replaceString,
        OnMatch onMatch,
        String targetZone,
        boolean enabled) {

    public static final String LOCAL_ZONE = "LocalZone";
    public static final String DEFAULT_ZONE = "DefaultZone";
    /**
     * On an Expressway-E with a Unified Communications traversal zone: where requests of MRA endpoints (SIP over
     * TLS, not from a configured zone) come from (seed 001: the CollaborationEdgeZone of the E).
     */
    public static final String COLLABORATION_EDGE_ZONE = "CollaborationEdgeZone";
    public static final int MIN_PRIORITY = 1;
    public static final int MAX_PRIORITY = 65534;

    public SearchRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(patternType, "patternType");
        Objects.requireNonNull(behavior, "behavior");
        Objects.requireNonNull(onMatch, "onMatch");
        Objects.requireNonNull(targetZone, "targetZone");
        if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
            throw new IllegalArgumentException("priority out of range: " + priority);
        }
    }

    public enum Mode {
        ANY_ALIAS, ALIAS_PATTERN_MATCH
    }

    public enum PatternType {
        EXACT, PREFIX, SUFFIX, REGEX
    }

    public enum PatternBehavior {
        LEAVE, STRIP, REPLACE
    }

    public enum OnMatch {
        CONTINUE, STOP
    }
}
