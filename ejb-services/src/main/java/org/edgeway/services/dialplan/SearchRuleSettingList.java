package org.edgeway.services.dialplan;

import org.edgeway.engine.zones.SearchRule;
import org.edgeway.persistence.dialplan.SearchRuleEntry;
import org.edgeway.services.settings.Setting;
import org.edgeway.services.settings.SettingList;

/**
 * The fields of one search rule, declared once: form and entity copies and configuration log lines follow from
 * this list. Enumerations are stored by name; the engine's {@link SearchRule} is built in {@link SearchRules}.
 */
final class SearchRuleSettingList {

    private SearchRuleSettingList() {
    }

    static final SettingList<SearchRuleForm, SearchRuleEntry, Void> SETTINGS = new SettingList<>(
            Setting.<SearchRuleForm, SearchRuleEntry, Void, String>named("Rule name")
                    .form(SearchRuleForm::getName, SearchRuleForm::setName)
                    .stored(SearchRuleEntry::getName, SearchRuleEntry::setName),
            Setting.<SearchRuleForm, SearchRuleEntry, Void, String>named("Description")
                    .form(SearchRuleForm::getDescription, SearchRuleForm::setDescription)
                    .stored(SearchRuleEntry::getDescription, SearchRuleEntry::setDescription),
            Setting.<SearchRuleForm, SearchRuleEntry, Void, Integer>named("Priority")
                    .form(SearchRuleForm::getPriority, SearchRuleForm::setPriority)
                    .stored(SearchRuleEntry::getPriority, SearchRuleEntry::setPriority),
            Setting.<SearchRuleForm, SearchRuleEntry, Void, Boolean>named("Protocol")
                    .form(f -> f.getProtocol() == SearchProtocol.SIP,
                            (f, v) -> f.setProtocol(v ? SearchProtocol.SIP : SearchProtocol.ANY))
                    .shown(v -> v ? "SIP" : "Any")
                    .stored(SearchRuleEntry::isSipOnly, SearchRuleEntry::setSipOnly),
            Setting.<SearchRuleForm, SearchRuleEntry, Void, String>named("Source")
                    .form(SearchRuleForm::getSourceZone, SearchRuleForm::setSourceZone)
                    .stored(SearchRuleEntry::getSourceZone, SearchRuleEntry::setSourceZone),
            Setting.<SearchRuleForm, SearchRuleEntry, Void, Boolean>named("Request must be authenticated")
                    .form(SearchRuleForm::isRequireAuthenticated, SearchRuleForm::setRequireAuthenticated)
                    .shown(v -> v ? "Yes" : "No")
                    .stored(SearchRuleEntry::isRequireAuthenticated, SearchRuleEntry::setRequireAuthenticated),
            Setting.<SearchRuleForm, SearchRuleEntry, Void, String>named("Mode")
                    .form(f -> f.getMode().name(), (f, v) -> f.setMode(SearchRule.Mode.valueOf(v)))
                    .stored(SearchRuleEntry::getMode, SearchRuleEntry::setMode),
            Setting.<SearchRuleForm, SearchRuleEntry, Void, String>named("Pattern type")
                    .form(f -> f.getPatternType().name(),
                            (f, v) -> f.setPatternType(SearchRule.PatternType.valueOf(v)))
                    .stored(SearchRuleEntry::getPatternType, SearchRuleEntry::setPatternType),
            Setting.<SearchRuleForm, SearchRuleEntry, Void, String>named("Pattern string")
                    .form(SearchRuleForm::getPattern, SearchRuleForm::setPattern)
                    .stored(SearchRuleEntry::getPattern, SearchRuleEntry::setPattern),
            Setting.<SearchRuleForm, SearchRuleEntry, Void, String>named("Pattern behavior")
                    .form(f -> f.getBehavior().name(),
                            (f, v) -> f.setBehavior(SearchRule.PatternBehavior.valueOf(v)))
                    .stored(SearchRuleEntry::getBehavior, SearchRuleEntry::setBehavior),
            Setting.<SearchRuleForm, SearchRuleEntry, Void, String>named("Replace string")
                    .form(SearchRuleForm::getReplaceString, SearchRuleForm::setReplaceString)
                    .stored(SearchRuleEntry::getReplaceString, SearchRuleEntry::setReplaceString),
            Setting.<SearchRuleForm, SearchRuleEntry, Void, String>named("On successful match")
                    .form(f -> f.getOnMatch().name(), (f, v) -> f.setOnMatch(SearchRule.OnMatch.valueOf(v)))
                    .stored(SearchRuleEntry::getOnMatch, SearchRuleEntry::setOnMatch),
            Setting.<SearchRuleForm, SearchRuleEntry, Void, String>named("Target")
                    .form(SearchRuleForm::getTargetZone, SearchRuleForm::setTargetZone)
                    .stored(SearchRuleEntry::getTargetZone, SearchRuleEntry::setTargetZone),
            Setting.<SearchRuleForm, SearchRuleEntry, Void, Boolean>named("State")
                    .form(SearchRuleForm::isEnabled, SearchRuleForm::setEnabled)
                    .shown(v -> v ? "Enabled" : "Disabled")
                    .stored(SearchRuleEntry::isEnabled, SearchRuleEntry::setEnabled));
}
