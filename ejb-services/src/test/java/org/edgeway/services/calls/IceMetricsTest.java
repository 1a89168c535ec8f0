package org.edgeway.services.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class IceMetricsTest {

    private static final Instant RESTART = Instant.parse("2018-10-20T20:43:45Z");

    @Test
    void rightAfterARestartTheMostRecentIntervalEndsAtTheRestart() {
        List<IceIntervals.Interval> recent = IceIntervals.recent(RESTART, RESTART.plusSeconds(5), 2);
        assertEquals(new IceIntervals.Interval(Instant.parse("2018-10-19T20:43:45Z"), RESTART), recent.get(0));
        assertEquals(new IceIntervals.Interval(Instant.parse("2018-10-18T20:43:45Z"),
                Instant.parse("2018-10-19T20:43:45Z")), recent.get(1));
    }

    @Test
    void intervalsKeepTheTimeOfDayOfTheRestart() {
        List<IceIntervals.Interval> recent = IceIntervals.recent(RESTART, Instant.parse("2018-10-23T21:00:00Z"), 60);
        assertEquals(60, recent.size());
        assertEquals(new IceIntervals.Interval(Instant.parse("2018-10-22T20:43:45Z"),
                Instant.parse("2018-10-23T20:43:45Z")), recent.get(0));
        assertEquals(Instant.parse("2018-10-22T20:43:45Z"), recent.get(1).end());
    }

    /** Seed 000's Figure 7: 4 B2BUA calls, 2 host to host. */
    @Test
    void theSeedsExampleGivesTheSeedsPercentages() {
        IceIntervalCounts counts = new IceIntervalCounts(Instant.parse("2018-10-22T20:43:45Z"),
                Instant.parse("2018-10-23T20:43:45Z"), 4, 2, 2, 0, 0, 0, 0, 0, 4, 4, 0, 0, 0);
        Map<String, String> rows = single(counts);
        assertEquals("127.0.0.1", rows.get("Peer"));
        assertEquals("2018-10-22 20:43:45", rows.get("Start time"));
        assertEquals("2018-10-23 20:43:45", rows.get("End time"));
        assertEquals("4", rows.get("B2BUA connected calls"));
        assertEquals("2", rows.get("Calls with optimized ICE media paths"));
        assertEquals("50%", rows.get("% of calls with optimized ICE media paths"));
        assertEquals("100%", rows.get("Host to host"));
        assertEquals("0%", rows.get("Relay to relay"));
        assertEquals("50%", rows.get("Calls with non-optimized media paths"));
        assertEquals("100%", rows.get("Calls with required Expressway ICE configuration"));
        assertEquals("100%", rows.get("Calls attempted with offered ICE candidates"));
        assertEquals("0%", rows.get("Calls with ICE candidates offered by one endpoint"));
        assertEquals("0%", rows.get("Calls without ICE candidates"));
        assertEquals("0%", rows.get("Calls with ICE candidates offered but without required Expressway ICE configuration"));
        assertEquals(18, rows.size());
    }

    @Test
    void withoutIceCallsEveryPercentageIsNotAvailable() {
        Map<String, String> rows = single(new IceIntervalCounts(RESTART.minusSeconds(86_400), RESTART, 3, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 3, 0));
        assertEquals("3", rows.get("B2BUA connected calls"));
        assertEquals("0", rows.get("Calls with optimized ICE media paths"));
        rows.entrySet().stream().skip(5).forEach(e -> assertEquals("N/A", e.getValue(), e.getKey()));
    }

    /** Candidates offered but passthrough not configured: no optimised call, yet the Advanced rows say why. */
    @Test
    void callsWithCandidatesButWithoutConfigurationAreIceCallsThatStayedOnTheB2bua() {
        Map<String, String> rows = single(new IceIntervalCounts(RESTART.minusSeconds(86_400), RESTART, 4, 0, 0, 0, 0,
                0, 0, 0, 1, 1, 2, 1, 3));
        assertEquals("0%", rows.get("% of calls with optimized ICE media paths"));
        assertEquals("N/A", rows.get("Host to host"), "no optimised call to take a share of");
        assertEquals("25%", rows.get("Calls with required Expressway ICE configuration"));
        assertEquals("25%", rows.get("Calls attempted with offered ICE candidates"));
        assertEquals("50%", rows.get("Calls with ICE candidates offered by one endpoint"));
        assertEquals("25%", rows.get("Calls without ICE candidates"));
        assertEquals("100%", rows.get("Calls with non-optimized media paths"));
        assertEquals("75%", rows.get("Calls with ICE candidates offered but without required Expressway ICE configuration"));
    }

    @Test
    void rowsAreTheSeedsInItsOrder() {
        List<String> labels = IceMetricRows.rows(List.of()).stream().map(IceMetricRow::label).toList();
        assertEquals(List.of("Peer", "Start time", "End time", "B2BUA connected calls",
                "Calls with optimized ICE media paths", "% of calls with optimized ICE media paths", "Host to host",
                "Host to server reflexive", "Host to relay", "Server reflexive to server reflexive",
                "Server reflexive to relay", "Relay to relay", "Calls with required Expressway ICE configuration",
                "Calls attempted with offered ICE candidates", "Calls with ICE candidates offered by one endpoint",
                "Calls without ICE candidates", "Calls with non-optimized media paths",
                "Calls with ICE candidates offered but without required Expressway ICE configuration"), labels);
    }

    @Test
    void csvQuotesOnlyWhatNeedsIt() {
        assertEquals("a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\"\r\n", CallHistoryCsv.csv(List.of("a", "b,c", "say \"hi\"",
                "x\ny")));
    }

    private static Map<String, String> single(IceIntervalCounts counts) {
        return IceMetricRows.rows(List.of(new IceMetricRows.Column("127.0.0.1", counts))).stream()
                .collect(Collectors.toMap(IceMetricRow::label, r -> r.values().get(0), (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }
}
