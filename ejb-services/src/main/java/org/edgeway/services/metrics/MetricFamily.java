package org.edgeway.services.metrics;

import java.util.List;
import java.util.Map;

/**
 * One OpenMetrics metric family: its name (for a counter without the {@code _total} its samples carry), type, unit
 * (empty for none; the name then ends with it, as the specification requires) and help, and its samples.
 */
record MetricFamily(String name, Type type, String unit, String help, List<Sample> samples) {

    enum Type {
        COUNTER, GAUGE
    }

    /** A value with its labels (label name to value, in order). */
    record Sample(Map<String, String> labels, long value) {
    }

    static MetricFamily gauge(String name, String unit, String help, long value) {
        return new MetricFamily(name, Type.GAUGE, unit, help, List.of(new Sample(Map.of(), value)));
    }

    static MetricFamily counter(String name, String unit, String help, long value) {
        return new MetricFamily(name, Type.COUNTER, unit, help, List.of(new Sample(Map.of(), value)));
    }
}
