package org.edgeway.it.media;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small OpenMetrics text parser for the tests: every sample line {@code name{labels} value} by its
 * {@code name{labels}} as written, after checking the exposition's frame (a {@code # TYPE} for each family before
 * its samples, a counter's samples ending in {@code _total}, {@code # EOF} as the last line and nowhere else).
 */
final class OpenMetricsSamples {

    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\]|\\\\.)*\",?)*\\})? (-?[0-9.eE+]+)");
    private static final Pattern TYPE = Pattern.compile("# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge)");

    private final Map<String, Double> samples;

    private OpenMetricsSamples(Map<String, Double> samples) {
        this.samples = samples;
    }

    static OpenMetricsSamples parse(String text) {
        if (!text.endsWith("# EOF\n")) {
            throw new AssertionError("not # EOF terminated: " + text);
        }
        String[] lines = text.substring(0, text.length() - "# EOF\n".length()).split("\n");
        Map<String, String> types = new HashMap<>();
        Map<String, Double> samples = new HashMap<>();
        for (String line : lines) {
            Matcher t = TYPE.matcher(line);
            if (t.matches()) {
                types.put(t.group(1), t.group(2));
                continue;
            }
            if (line.startsWith("# HELP ") || line.startsWith("# UNIT ")) {
                continue;
            }
            Matcher s = SAMPLE.matcher(line);
            if (!s.matches()) {
                throw new AssertionError("not a sample line: '" + line + "' in " + text);
            }
            String name = s.group(1);
            String family = name.endsWith("_total") ? name.substring(0, name.length() - "_total".length()) : name;
            String type = types.get(family);
            if (type == null || "counter".equals(type) != name.endsWith("_total")) {
                throw new AssertionError(name + " has no matching # TYPE (" + type + ") in " + text);
            }
            samples.put(name + (s.group(2) == null ? "" : s.group(2)), Double.parseDouble(s.group(3)));
        }
        return new OpenMetricsSamples(samples);
    }

    /** The value of a sample written exactly as {@code key} ("name" or "name{label=\"v\"}"). */
    double value(String key) {
        Double v = samples.get(key);
        if (v == null) {
            throw new AssertionError("no sample " + key + " in " + samples.keySet());
        }
        return v;
    }
}
