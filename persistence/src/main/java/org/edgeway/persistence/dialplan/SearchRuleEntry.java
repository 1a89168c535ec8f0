package org.edgeway.persistence.dialplan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A search rule of Configuration &gt; Dial plan &gt; Search rules. Enumerations are stored by the engine's constant
 * names; a null source zone means "Any"; {@code sipOnly} is the Protocol field (Any / SIP).
 */
@Entity
@Table(name = "search_rule")
@NamedQuery(name = SearchRuleEntry.ALL, query = "select r from SearchRuleEntry r order by r.priority, r.name")
@NamedQuery(name = SearchRuleEntry.BY_NAME, query = "select r from SearchRuleEntry r where r.name = :name")
public class SearchRuleEntry {

    public static final String ALL = "SearchRuleEntry.all";
    public static final String BY_NAME = "SearchRuleEntry.byName";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, unique = true)
    private String name;
    @Column()
    private String description;
    @Column(nullable = false)
    private int priority;
    @Column(name = "source_zone")
    private String sourceZone;
    @Column(name = "require_authenticated", nullable = false)
    private boolean requireAuthenticated;
    @Column(name = "sip_only", nullable = false)
    private boolean sipOnly;
    @Column(nullable = false)
    private String mode;
    @Column(name = "pattern_type", nullable = false)
    private String patternType;
    @Column()
    private String pattern;
    @Column(nullable = false)
    private String behavior;
    @Column(name = "replace_string")
    private String replaceString;
    @Column(name = "on_match", nullable = false)
    private String onMatch;
    @Column(name = "target_zone", nullable = false)
    private String targetZone;
    @Column(nullable = false)
    private boolean enabled;
    @Version
    private long version;

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public int getPriority() {
        return priority;
    }

    public void setPriority(int priority) {
        this.priority = priority;
    }

    public String getSourceZone() {
        return sourceZone;
    }

    public void setSourceZone(String sourceZone) {
        this.sourceZone = sourceZone;
    }

    public boolean isRequireAuthenticated() {
        return requireAuthenticated;
    }

    public void setRequireAuthenticated(boolean requireAuthenticated) {
        this.requireAuthenticated = requireAuthenticated;
    }

    public boolean isSipOnly() {
        return sipOnly;
    }

    public void setSipOnly(boolean sipOnly) {
        this.sipOnly = sipOnly;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getPatternType() {
        return patternType;
    }

    public void setPatternType(String patternType) {
        this.patternType = patternType;
    }

    public String getPattern() {
        return pattern;
    }

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    public String getBehavior() {
        return behavior;
    }

    public void setBehavior(String behavior) {
        this.behavior = behavior;
    }

    public String getReplaceString() {
        return replaceString;
    }

    public void setReplaceString(String replaceString) {
        this.replaceString = replaceString;
    }

    public String getOnMatch() {
        return onMatch;
    }

    public void setOnMatch(String onMatch) {
        this.onMatch = onMatch;
    }

    public String getTargetZone() {
        return targetZone;
    }

    public void setTargetZone(String targetZone) {
        this.targetZone = targetZone;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
