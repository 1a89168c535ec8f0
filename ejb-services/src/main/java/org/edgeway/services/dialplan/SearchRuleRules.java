package org.edgeway.services.dialplan;

import java.util.Collection;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.edgeway.engine.zones.SearchRule;
import org.edgeway.services.validation.InvalidSettingsException;

/**
 * The rules between search rule fields: a pattern for alias pattern match (a regex must compile), a replace
 * string for Replace, and source and target zones that exist. Messages never repeat the value.
 */
final class SearchRuleRules {

    private SearchRuleRules() {
    }

    static void check(SearchRuleForm form, Collection<String> zones, InvalidSettingsException.Collector errors) {
        if (form.isPatternMatch()) {
            if (form.getPattern() == null) {
                errors.reject("pattern", "is required for alias pattern match");
            } else if (form.getPatternType() == SearchRule.PatternType.REGEX) {
                try {
                    Pattern.compile(form.getPattern());
                } catch (PatternSyntaxException e) {
                    errors.reject("pattern", "is not a valid regular expression (" + e.getDescription() + ")");
                }
            }
            if (form.isReplacing() && form.getReplaceString() == null) {
                errors.reject("replaceString", "is required when the pattern behavior is Replace");
            }
        }
        if (form.getSourceZone() != null && !zones.contains(form.getSourceZone())) {
            errors.reject("sourceZone", "is not a configured zone");
        }
        if (form.getTargetZone() != null && !zones.contains(form.getTargetZone())) {
            errors.reject("targetZone", "is not a configured zone");
        }
    }
}
