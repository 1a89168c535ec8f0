package org.edgeway.services.metrics;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The OpenMetrics 1.0 text exposition of metric families: {@code # TYPE}, {@code # UNIT}, {@code # HELP}, then
 * {@code name{label="value"} value} lines (a counter's samples end in {@code _total}), and {@code # EOF} last.
 */
public final class OpenMetricsText {

    /** The Content-Type of the exposition. */
    public static final String CONTENT_TYPE = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private OpenMetricsText() {
    }

    static String write(List<MetricFamily> families) {
        StringBuilder out = new StringBuilder();
        for (MetricFamily f : families) {
            out.append("# TYPE ").append(f.name()).append(' ').append(f.type().name().toLowerCase(Locale.ROOT))
                    .append('\n');
            if (!f.unit().isEmpty()) {
                out.append("# UNIT ").append(f.name()).append(' ').append(f.unit()).append('\n');
            }
            out.append("# HELP ").append(f.name()).append(' ').append(escape(f.help(), false)).append('\n');
            String sampleName = f.type() == MetricFamily.Type.COUNTER ? f.name() + "_total" : f.name();
            for (MetricFamily.Sample s : f.samples()) {
                out.append(sampleName).append(labels(s.labels())).append(' ').append(s.value()).append('\n');
            }
        }
        return out.append("# EOF\n").toString();
    }

    private static String labels(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("{");
        labels.forEach((name, value) -> out.append(out.length() > 1 ? "," : "").append(name).append("=\"")
                .append(escape(value, true)).append('"'));
        return out.append('}').toString();
    }

    /** Backslash and new line escaped everywhere; double quotes in label values too. */
    private static String escape(String text, boolean quoted) {
        String s = text.replace("\\", "\\\\").replace("\n", "\\n");
        return quoted ? s.replace("\"", "\\\"") : s;
    }
}
