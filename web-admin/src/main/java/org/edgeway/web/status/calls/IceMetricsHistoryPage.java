package org.edgeway.web.status.calls;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.function.ToLongFunction;
import org.edgeway.services.calls.IceHistoryColumns;
import org.edgeway.services.calls.IceIntervalCounts;
import org.edgeway.services.calls.IcePassthroughMetrics;

/**
 * ICE Call Metrics History of one peer ({@code /status/calls/ice-metrics-history?peer=...}): up to 60 intervals,
 * most recent first, raw values; and the same drawn as a chart (calls per call type, stacked, and the optimised
 * share), oldest on the left.
 */
@Named
@RequestScoped
public class IceMetricsHistoryPage {

    private static final String[] COLOURS = {"#2e7d32", "#66bb6a", "#1565c0", "#42a5f5", "#ef6c00", "#ab47bc",
        "#9e9e9e"};

    @Inject
    private IcePassthroughMetrics metrics;

    private String peer;
    private List<IceIntervalCounts> intervals;

    public void load() {
        String p = peer == null || peer.isBlank() ? metrics.peers().get(0) : peer;
        peer = p;
        intervals = metrics.history(p).orElse(null);
    }

    public List<String> getColumns() {
        return IceHistoryColumns.LABELS;
    }

    /** Each interval's values in column order. */
    public List<List<String>> getRows() {
        return intervals == null ? List.of() : intervals.stream().map(IceHistoryColumns::values).toList();
    }

    /** The Chart.js configuration of the chart. */
    public String getChart() {
        if (intervals == null) {
            return "{}";
        }
        List<IceIntervalCounts> oldestFirst = new java.util.ArrayList<>(intervals);
        java.util.Collections.reverse(oldestFirst);
        JsonArrayBuilder labels = Json.createArrayBuilder();
        oldestFirst.forEach(i -> labels.add(IceHistoryColumns.values(i).get(0).substring(0, 10)));
        JsonArrayBuilder datasets = Json.createArrayBuilder();
        String[] names = {"Host to host", "Host to server reflexive", "Host to relay",
            "Server reflexive to server reflexive", "Server reflexive to relay", "Relay to relay",
            "Non-optimized (B2BUA)"};
        List<ToLongFunction<IceIntervalCounts>> values = List.of(IceIntervalCounts::hostToHost,
                IceIntervalCounts::hostToSrflx, IceIntervalCounts::hostToRelay, IceIntervalCounts::srflxToSrflx,
                IceIntervalCounts::srflxToRelay, IceIntervalCounts::relayToRelay, IceIntervalCounts::nonOptimizedCalls);
        for (int k = 0; k < names.length; k++) {
            JsonArrayBuilder data = Json.createArrayBuilder();
            ToLongFunction<IceIntervalCounts> v = values.get(k);
            oldestFirst.forEach(i -> data.add(v.applyAsLong(i)));
            datasets.add(Json.createObjectBuilder().add("type", "bar").add("label", names[k]).add("data", data)
                    .add("backgroundColor", COLOURS[k]).add("stack", "calls").add("yAxisID", "calls"));
        }
        JsonArrayBuilder optimised = Json.createArrayBuilder();
        oldestFirst.forEach(i -> {
            if (i.b2buaCalls() == 0) {
                optimised.addNull();
            } else {
                optimised.add(Math.round(100.0 * i.optimizedCalls() / i.b2buaCalls()));
            }
        });
        datasets.add(Json.createObjectBuilder().add("type", "line").add("label", "% optimized")
                .add("data", optimised).add("borderColor", "#000000").add("yAxisID", "percent"));
        JsonObjectBuilder scales = Json.createObjectBuilder()
                .add("calls", Json.createObjectBuilder().add("type", "linear").add("position", "left")
                        .add("stacked", true).add("beginAtZero", true)
                        .add("title", Json.createObjectBuilder().add("display", true).add("text", "calls")))
                .add("percent", Json.createObjectBuilder().add("type", "linear").add("position", "right")
                        .add("min", 0).add("max", 100)
                        .add("title", Json.createObjectBuilder().add("display", true).add("text", "% optimized")))
                .add("x", Json.createObjectBuilder().add("stacked", true));
        return Json.createObjectBuilder().add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", Json.createObjectBuilder().add("animation", false).add("scales", scales))
                .build().toString();
    }

    public boolean isKnownPeer() {
        return intervals != null;
    }

    public String getPeer() {
        return peer;
    }

    public void setPeer(String peer) {
        this.peer = peer;
    }
}
