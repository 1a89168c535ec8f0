package org.edgeway.services.calls;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The rows of Status &gt; ICE Passthrough metrics in seed 000's order, each computed from an interval's raw
 * counts. Percentages are of B2BUA connected calls, the call types of optimised calls; all are "N/A" when the
 * interval had no ICE calls (none optimised, none with candidates).
 */
final class IceMetricRows {

    static final String NOT_AVAILABLE = "N/A";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private record Definition(String section, String label, String helpKey, Function<Column, String> value) {
    }

    /** One peer's column: its address and the counts of its most recent completed interval. */
    record Column(String peer, IceIntervalCounts counts) {
    }

    private static final List<Definition> ROWS = List.of(
            new Definition("Metrics", "Peer", "ice.peer", Column::peer),
            new Definition("Metrics", "Start time", "ice.startTime", c -> time(c.counts().start())),
            new Definition("Metrics", "End time", "ice.endTime", c -> time(c.counts().end())),
            new Definition("Metrics", "B2BUA connected calls", "ice.b2buaCalls",
                    c -> Long.toString(c.counts().b2buaCalls())),
            new Definition("Metrics", "Calls with optimized ICE media paths", "ice.optimizedCalls",
                    c -> Long.toString(c.counts().optimizedCalls())),
            new Definition("Metrics", "% of calls with optimized ICE media paths", "ice.optimizedPercent",
                    c -> ofB2bua(c, c.counts().optimizedCalls())),
            new Definition("Call types", "Host to host", "ice.hostToHost", c -> ofOptimized(c, c.counts().hostToHost())),
            new Definition("Call types", "Host to server reflexive", "ice.hostToSrflx",
                    c -> ofOptimized(c, c.counts().hostToSrflx())),
            new Definition("Call types", "Host to relay", "ice.hostToRelay",
                    c -> ofOptimized(c, c.counts().hostToRelay())),
            new Definition("Call types", "Server reflexive to server reflexive", "ice.srflxToSrflx",
                    c -> ofOptimized(c, c.counts().srflxToSrflx())),
            new Definition("Call types", "Server reflexive to relay", "ice.srflxToRelay",
                    c -> ofOptimized(c, c.counts().srflxToRelay())),
            new Definition("Call types", "Relay to relay", "ice.relayToRelay",
                    c -> ofOptimized(c, c.counts().relayToRelay())),
            new Definition("Advanced", "Calls with required Expressway ICE configuration", "ice.requiredConfiguration",
                    c -> ofB2bua(c, c.counts().requiredConfiguration())),
            new Definition("Advanced", "Calls attempted with offered ICE candidates", "ice.offeredCandidates",
                    c -> ofB2bua(c, c.counts().offeredByBoth())),
            new Definition("Advanced", "Calls with ICE candidates offered by one endpoint", "ice.oneEndpointOffered",
                    c -> ofB2bua(c, c.counts().offeredByOne())),
            new Definition("Advanced", "Calls without ICE candidates", "ice.noCandidates",
                    c -> ofB2bua(c, c.counts().withoutCandidates())),
            new Definition("Advanced", "Calls with non-optimized media paths", "ice.nonOptimized",
                    c -> ofB2bua(c, c.counts().nonOptimizedCalls())),
            new Definition("Advanced",
                    "Calls with ICE candidates offered but without required Expressway ICE configuration",
                    "ice.offeredWithoutConfiguration",
                    c -> ofB2bua(c, c.counts().offeredWithoutConfiguration())));

    private IceMetricRows() {
    }

    static List<IceMetricRow> rows(List<Column> columns) {
        List<IceMetricRow> rows = new ArrayList<>(ROWS.size());
        for (Definition d : ROWS) {
            rows.add(new IceMetricRow(d.section(), d.label(), d.helpKey(), columns.stream().map(d.value()).toList()));
        }
        return rows;
    }

    static String time(Instant t) {
        return TIME.format(t);
    }

    private static String ofB2bua(Column c, long part) {
        return percent(c, part, c.counts().b2buaCalls());
    }

    private static String ofOptimized(Column c, long part) {
        return percent(c, part, c.counts().optimizedCalls());
    }

    /** Rounded to a whole percent; "N/A" when the interval had no ICE calls. */
    private static String percent(Column c, long part, long whole) {
        if (!c.counts().iceCalls() || whole == 0) {
            return NOT_AVAILABLE;
        }
        return Math.round(100.0 * part / whole) + "%";
    }
}
