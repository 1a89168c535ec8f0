package org.edgeway.engine.zones;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How one search rule matches an alias ("user@domain", compared without regard to case) and what it hands on:
 * the alias unchanged (leave), with the matched part removed (strip) or replaced by the replace string (replace;
 * for regex rules \1 style groups refer to the pattern's groups). The one place the dial plan's pattern rules live.
 */
public final class AliasTransform {

    private AliasTransform() {
    }

    /** The alias the rule hands to its target, or null if the rule does not match it. */
    public static String apply(SearchRule rule, String alias) {
        if (rule.mode() == SearchRule.Mode.ANY_ALIAS) {
            return alias;
        }
        String pattern = rule.pattern() == null ? "" : rule.pattern();
        String a = alias.toLowerCase(Locale.ROOT);
        String p = pattern.toLowerCase(Locale.ROOT);
        String replace = rule.replaceString() == null ? "" : rule.replaceString();
        return switch (rule.patternType()) {
            case EXACT -> a.equals(p) ? transform(rule, alias, "", "", replace) : null;
            case PREFIX -> a.startsWith(p) ? transform(rule, alias, "", alias.substring(p.length()), replace) : null;
            case SUFFIX -> a.endsWith(p)
                    ? transform(rule, alias, alias.substring(0, alias.length() - p.length()), "", replace) : null;
            case REGEX -> regex(rule, alias, pattern, replace);
        };
    }

    /** {@code before} and {@code after} are the parts of the alias around the matched part. */
    private static String transform(SearchRule rule, String alias, String before, String after, String replace) {
        return switch (rule.behavior()) {
            case LEAVE -> alias;
            case STRIP -> before + after;
            case REPLACE -> before + replace + after;
        };
    }

    private static String regex(SearchRule rule, String alias, String pattern, String replace) {
        Matcher m;
        try {
            m = Pattern.compile(pattern, Pattern.CASE_INSENSITIVE).matcher(alias);
        } catch (PatternSyntaxException e) {
            return null; // the console validates patterns; an invalid one never matches
        }
        if (!m.matches()) {
            return null;
        }
        return switch (rule.behavior()) {
            case LEAVE -> alias;
            case STRIP -> "";
            case REPLACE -> m.replaceFirst(replace.replaceAll("\\\\(\\d)", "\\$$1"));
        };
    }
}
