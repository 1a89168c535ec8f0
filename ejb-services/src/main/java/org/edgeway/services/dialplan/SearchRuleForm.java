package org.edgeway.services.dialplan;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import org.edgeway.engine.zones.SearchRule;

/**
 * New / edit search rule: every field of {@link SearchRule} plus the description and the protocol. A null source
 * zone is "Any". Enumerations are the engine's; callers that may not see engine types use the {@code ...Name}
 * getters.
 */
public class SearchRuleForm implements Serializable {

    private static final String PRIORITY_MESSAGE = "must be between " + SearchRule.MIN_PRIORITY + " and "
            + SearchRule.MAX_PRIORITY;

    private Long id;
    @NotBlank
    @Size(max = 50, message = "must be at most 50 characters")
    @Pattern(regexp = "[^\\p{Cntrl}]*", message = "may not contain control characters")
    private String name;
    @Size(max = 64, message = "must be at most 64 characters")
    private String description;
    @Min(value = SearchRule.MIN_PRIORITY, message = PRIORITY_MESSAGE)
    @Max(value = SearchRule.MAX_PRIORITY, message = PRIORITY_MESSAGE)
    private int priority = 100;
    @NotNull
    private SearchProtocol protocol = SearchProtocol.ANY;
    private String sourceZone;
    private boolean requireAuthenticated;
    @NotNull
    private SearchRule.Mode mode = SearchRule.Mode.ALIAS_PATTERN_MATCH;
    @NotNull
    private SearchRule.PatternType patternType = SearchRule.PatternType.PREFIX;
    @Size(max = 1024, message = "must be at most 1024 characters")
    private String pattern;
    @NotNull
    private SearchRule.PatternBehavior behavior = SearchRule.PatternBehavior.LEAVE;
    @Size(max = 1024, message = "must be at most 1024 characters")
    private String replaceString;
    @NotNull
    private SearchRule.OnMatch onMatch = SearchRule.OnMatch.CONTINUE;
    @NotBlank
    private String targetZone = SearchRule.LOCAL_ZONE;
    private boolean enabled = true;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = blankToNull(name);
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = blankToNull(description);
    }

    public int getPriority() {
        return priority;
    }

    public void setPriority(int priority) {
        this.priority = priority;
    }

    public SearchProtocol getProtocol() {
        return protocol;
    }

    public void setProtocol(SearchProtocol protocol) {
        this.protocol = protocol;
    }

    /** Null: requests from any source. */
    public String getSourceZone() {
        return sourceZone;
    }

    public void setSourceZone(String sourceZone) {
        this.sourceZone = blankToNull(sourceZone);
    }

    public boolean isRequireAuthenticated() {
        return requireAuthenticated;
    }

    public void setRequireAuthenticated(boolean requireAuthenticated) {
        this.requireAuthenticated = requireAuthenticated;
    }

    public SearchRule.Mode getMode() {
        return mode;
    }

    public void setMode(SearchRule.Mode mode) {
        this.mode = mode;
    }

    public SearchRule.PatternType getPatternType() {
        return patternType;
    }

    public void setPatternType(SearchRule.PatternType patternType) {
        this.patternType = patternType;
    }

    public String getPattern() {
        return pattern;
    }

    public void setPattern(String pattern) {
        this.pattern = blankToNull(pattern);
    }

    public SearchRule.PatternBehavior getBehavior() {
        return behavior;
    }

    public void setBehavior(SearchRule.PatternBehavior behavior) {
        this.behavior = behavior;
    }

    public String getReplaceString() {
        return replaceString;
    }

    public void setReplaceString(String replaceString) {
        // replacing with nothing is what Strip does, so an empty replace string means "not set"
        this.replaceString = replaceString == null || replaceString.isEmpty() ? null : replaceString;
    }

    public SearchRule.OnMatch getOnMatch() {
        return onMatch;
    }

    public void setOnMatch(SearchRule.OnMatch onMatch) {
        this.onMatch = onMatch;
    }

    public String getTargetZone() {
        return targetZone;
    }

    public void setTargetZone(String targetZone) {
        this.targetZone = blankToNull(targetZone);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Whether the pattern fields apply (mode Alias pattern match). */
    public boolean isPatternMatch() {
        return mode == SearchRule.Mode.ALIAS_PATTERN_MATCH;
    }

    /** Whether the replace string applies (pattern behavior Replace). */
    public boolean isReplacing() {
        return isPatternMatch() && behavior == SearchRule.PatternBehavior.REPLACE;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
