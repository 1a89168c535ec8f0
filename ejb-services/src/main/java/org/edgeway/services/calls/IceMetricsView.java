package org.edgeway.services.calls;

import java.util.List;

/** Status &gt; ICE Passthrough metrics: one column per peer, one row per metric, in the seed's order. */
public record IceMetricsView(List<String> peers, List<IceMetricRow> rows) {

    public IceMetricsView {
        peers = List.copyOf(peers);
        rows = List.copyOf(rows);
    }
}
