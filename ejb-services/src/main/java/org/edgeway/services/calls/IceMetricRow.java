package org.edgeway.services.calls;

import java.util.List;

/**
 * One row of Status &gt; ICE Passthrough metrics: its section, its label exactly as seed 000 writes it, the key of
 * its "i" help text, and its value for each peer column.
 */
public record IceMetricRow(String section, String label, String helpKey, List<String> values) {

    public IceMetricRow {
        values = List.copyOf(values);
    }
}
