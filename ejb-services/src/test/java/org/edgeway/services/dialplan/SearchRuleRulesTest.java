package org.edgeway.services.dialplan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.edgeway.engine.zones.SearchRule;
import org.edgeway.services.validation.InvalidSettingsException;
import org.junit.jupiter.api.Test;

class SearchRuleRulesTest {

    private static final List<String> ZONES = List.of(SearchRule.LOCAL_ZONE, SearchRule.DEFAULT_ZONE, "Neighbor1");

    private static SearchRuleForm rule() {
        SearchRuleForm f = new SearchRuleForm();
        f.setName("r");
        f.setPattern("555");
        return f;
    }

    @Test
    void aPatternRuleToAKnownZonePasses() {
        SearchRuleForm f = rule();
        f.setSourceZone("Neighbor1");
        f.setTargetZone(SearchRule.DEFAULT_ZONE);
        assertEquals(Map.of(), errors(f));
    }

    @Test
    void aliasPatternMatchNeedsAPatternAnyAliasDoesNot() {
        SearchRuleForm f = rule();
        f.setPattern(null);
        assertEquals(Map.of("pattern", "is required for alias pattern match"), errors(f));
        f.setMode(SearchRule.Mode.ANY_ALIAS);
        f.setBehavior(SearchRule.PatternBehavior.REPLACE); // ignored without a pattern match
        assertEquals(Map.of(), errors(f));
    }

    @Test
    void aRegexMustCompileAndReplaceNeedsAReplaceString() {
        SearchRuleForm f = rule();
        f.setPatternType(SearchRule.PatternType.REGEX);
        f.setPattern("(\\d+");
        f.setBehavior(SearchRule.PatternBehavior.REPLACE);
        Map<String, String> errors = errors(f);
        assertEquals(List.of("pattern", "replaceString"), List.copyOf(errors.keySet()));
        assertEquals(true, errors.get("pattern").startsWith("is not a valid regular expression"));
        f.setPattern("(\\d+)@example\\.com");
        f.setReplaceString("\\1@local");
        assertEquals(Map.of(), errors(f));
    }

    @Test
    void sourceAndTargetMustBeConfiguredZones() {
        SearchRuleForm f = rule();
        f.setSourceZone("Elsewhere");
        f.setTargetZone("Nowhere");
        assertEquals(Map.of("sourceZone", "is not a configured zone", "targetZone", "is not a configured zone"),
                errors(f));
    }

    private static Map<String, String> errors(SearchRuleForm f) {
        InvalidSettingsException.Collector collector = new InvalidSettingsException.Collector();
        SearchRuleRules.check(f, ZONES, collector);
        try {
            collector.throwIfAny();
            return Map.of();
        } catch (InvalidSettingsException e) {
            return e.fieldErrors();
        }
    }
}
