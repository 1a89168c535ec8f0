package org.edgeway.it.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.edgeway.engine.calls.CallRecord;
import org.edgeway.engine.calls.CallStatus;
import org.edgeway.engine.calls.IcePassthroughCallType;
import org.edgeway.it.ApiClient;
import org.edgeway.it.Browser;
import org.edgeway.it.ConsoleNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Status &gt; Calls, History, the call detail record and the ICE passthrough metrics on a real Expressway-C node
 * whose stopped database was given 150 calls ({@link CallRecordSeeder}): the API's pages, sorts and filters (JSON
 * parsed and compared with the seeded calls), the CSV parsed back against the page, 400s naming the bad parameter,
 * read-only accounts and Disconnect, the pages in Chromium, and a restart that keeps the history.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CallsConsoleIT {

    private static final int CALLS = 150;
    private static final String HISTORY = "/status/calls/history";

    @RegisterExtension
    static final ConsoleNode console = new ConsoleNode("calls-console", 10, "Calls-admin-2026", "--role", "C");

    /** The seeded calls, newest first; call i has database id i + 1. */
    private static List<CallRecord> seeded;

    @BeforeAll
    static void seedTheStoppedNode() throws Exception {
        Instant newest = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        seeded = IntStream.range(0, CALLS).mapToObj(i -> CallRecordSeeder.call(i, newest)).toList();
        console.node().stop();
        try (var c = CallRecordSeeder.connect(console.node().dataDir())) {
            CallRecordSeeder.insert(c, seeded);
        }
        console.node().start();
    }

    @Test
    @Order(1)
    void theHistoryIsPagedSortedAndFilteredByTheServer() {
        ApiClient api = console.admin();
        JsonNode first = api.get(HISTORY + "?size=20").expect(200).json();
        assertEquals(CALLS, first.path("total").asLong());
        assertEquals("startTime,desc", first.path("sort").asText());
        assertEquals(serials(seeded.subList(0, 20)), serials(first));

        assertEquals(serials(seeded.subList(60, 80)), serials(api.get(HISTORY + "?page=3&size=20").expect(200).json()));

        List<Integer> bySource = IntStream.range(0, CALLS).boxed()
                .sorted(Comparator.comparing((Integer i) -> seeded.get(i).sourceAlias()).thenComparing(i -> i)).toList();
        assertEquals(bySource.stream().map(i -> seeded.get(i).serialNumber()).toList(),
                serials(api.get(HISTORY + "?sort=sourceAlias,asc&size=1000").expect(200).json()));

        expect(api, "status=failed", r -> r.status() == CallStatus.FAILED);
        expect(api, "iceCallType=host_to_relay", r -> r.iceCallType() == IcePassthroughCallType.HOST_TO_RELAY);
        expect(api, "alias=REMOTE.example.ORG", r -> r.sourceAlias().contains("remote.example.org"));
        expect(api, "alias=desk3%40", r -> r.destinationAlias().contains("desk3@"));
        expect(api, "from=" + seeded.get(49).start() + "&to=" + q(seeded.get(9).start().toString().replace('T', ' ')
                .replace("Z", "")), r -> !r.start().isBefore(seeded.get(49).start())
                        && r.start().isBefore(seeded.get(9).start()));
        expect(api, "alias=user3%40&status=Completed&iceCallType=none",
                r -> r.sourceAlias().startsWith("sip:user3@") && r.status() == CallStatus.COMPLETED
                        && r.iceCallType() == IcePassthroughCallType.NONE);

        // an alias search counts ten pages past the one asked for (no index answers a substring) and says so
        JsonNode counted = api.get(HISTORY + "?alias=sip%3A&size=5&page=2").expect(200).json();
        assertEquals(10 + 5 * 10 + 1, counted.path("total").asLong());
        assertFalse(counted.path("totalExact").asBoolean());
        assertEquals(serials(seeded.subList(10, 15)), serials(counted));
        assertTrue(first.path("totalExact").asBoolean());
    }

    @Test
    @Order(2)
    void theCsvParsedBackEqualsThePage() {
        ApiClient api = console.admin();
        String query = "?status=Completed&alias=example.org&sort=durationSeconds,desc";
        JsonNode page = api.get(HISTORY + query + "&size=1000").expect(200).json();
        ApiClient.Answer csv = api.get(HISTORY + ".csv" + query).expect(200);
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        List<List<String>> rows = Csv.parse(csv.body());
        assertEquals(List.of("Serial number", "Tag", "Start time", "End time", "Duration (s)", "Source alias",
                "Destination alias", "Protocol", "Status", "Disconnect reason", "Bandwidth (kbps)",
                "ICE Passthrough call type"), rows.get(0));
        List<List<String>> body = rows.subList(1, rows.size());
        assertEquals(page.path("total").asInt(), body.size());
        assertTrue(body.size() > 10, "the filter keeps a real sample: " + body.size());
        for (int i = 0; i < body.size(); i++) {
            JsonNode call = page.path("calls").get(i);
            List<String> line = body.get(i);
            assertEquals(List.of(call.path("serialNumber").asText(), call.path("tag").asText(),
                    Instant.parse(call.path("startTime").asText()).toString(),
                    Instant.parse(call.path("endTime").asText()).toString(), call.path("durationSeconds").asText(),
                    call.path("sourceAlias").asText(), call.path("destinationAlias").asText(),
                    call.path("protocol").asText(), call.path("status").asText(),
                    call.path("disconnectReason").asText(), call.path("bandwidthKbps").asText(),
                    call.path("iceCallType").asText()), line, "row " + i);
        }
        long previous = Long.MAX_VALUE;
        for (List<String> line : body) {
            long duration = Long.parseLong(line.get(4));
            assertTrue(duration <= previous, "sorted by duration, longest first");
            previous = duration;
        }
    }

    @Test
    @Order(3)
    void theDetailRecordHasTheComponentsWithTheB2buaLeg() {
        CallRecord call = seeded.get(3);
        JsonNode d = console.admin().get(HISTORY + "/" + call.serialNumber()).expect(200).json();
        assertEquals(call.serialNumber(), d.path("call").path("serialNumber").asText());
        assertEquals(call.iceCallType().label(), d.path("call").path("iceCallType").asText());
        assertEquals(33, d.path("call").path("durationSeconds").asLong(), "30 s + 3 s for call 3");
        List<String> types = new ArrayList<>();
        d.path("components").forEach(c -> types.add(c.path("type").asText()));
        assertEquals(List.of("SIP", "B2BUA", "SIP"), types);
        JsonNode inside = d.path("components").get(2);
        assertEquals("CEtcp-cucm", inside.path("destinationZone").asText());
        assertEquals("None", inside.path("encryption").asText());
        assertEquals("SRTP", d.path("components").get(0).path("encryption").asText());
        assertEquals(1490, inside.path("media").get(0).path("packets").asLong());
        assertEquals("audio RTCP", inside.path("media").get(1).path("name").asText());
        console.admin().get(HISTORY + "/no-such-call").assertError(404);
    }

    @Test
    @Order(4)
    void badParametersAreRefusedNamingTheParameter() {
        ApiClient api = console.admin();
        Map<String, String> bad = new HashMap<>();
        bad.put("page=-1", "page");
        bad.put("page=two", "page");
        bad.put("size=0", "size");
        bad.put("size=1001", "size");
        bad.put("sort=start", "sort");
        bad.put("sort=startTime,up", "sort");
        bad.put("from=yesterday", "from");
        bad.put("from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", "to");
        bad.put("iceCallType=host_to_srvrflx", "iceCallType");
        bad.put("status=busy", "status");
        bad.put("aliass=alice", "aliass");
        bad.put("status=failed&status=completed", "status");
        bad.forEach((query, field) -> api.get(HISTORY + "?" + query).assertError(400, field));
        api.get(HISTORY + ".csv?from=yesterday").assertError(400, "from");
        api.get(HISTORY + ".csv?page=1").assertError(400, "page");
    }

    @Test
    @Order(5)
    void readOnlyAccountsSeeTheCallsButCannotDisconnect() throws Exception {
        ApiClient admin = console.admin();
        JsonNode active = admin.get("/status/calls").expect(200).json();
        assertTrue(active.isArray() && active.isEmpty(), active.toString());
        admin.post("/status/calls/no-such-call/disconnect", null).assertError(404);

        admin.post("/users/administrator-accounts",
                "{\"name\":\"callviewer\",\"accessLevel\":\"READ_ONLY\",\"password\":\"Callviewer-pass-2026\"}")
                .expect(201);
        ApiClient viewer = ApiClient.as(console.node(), "callviewer", "Callviewer-pass-2026");
        assertEquals(CALLS, viewer.get(HISTORY).expect(200).json().path("total").asLong());
        assertTrue(viewer.post("/status/calls/no-such-call/disconnect", null).assertError(403).path("error").asText()
                .contains("read-only"));

        console.signIn("callviewer", "Callviewer-pass-2026");
        Browser browser = console.browser();
        browser.open(console.url("/status/calls/calls"));
        browser.find("callsForm:calls");
        assertFalse(browser.find("callsForm:disconnect").isEnabled(), "Disconnect is disabled for read-only accounts");
        assertEquals("0", browser.text("callsForm:activeCount"));
    }

    @Test
    @Order(6)
    void theHistoryPageOpensTheCallDetailRecord() throws Exception {
        console.signInAsAdmin();
        Browser browser = console.browser();
        browser.open(console.url("/status/calls/history"));
        CallRecord newest = seeded.get(0);
        assertEquals(newest.start().toString(), browser.text("historyForm:history:0:startLink"));
        browser.click("historyForm:history:0:startLink");
        browser.waitForUrlContaining("/status/calls/call?serial=" + newest.serialNumber());
        assertEquals(newest.serialNumber(), browser.text("callForm:serialNumber"));
        assertEquals(newest.iceCallType().label(), browser.text("callForm:iceCallType"));
        assertEquals(newest.sourceAlias(), browser.text("callForm:sourceAlias"));
        assertEquals("Completed", browser.text("callForm:status"));
        assertEquals("B2BUA", browser.text("callForm:components:1:type"));
        assertEquals("CollaborationEdgeZone", browser.text("callForm:components:0:sourceZone"));
        browser.screenshot("call-detail");

        // View in the Actions column of a filtered list
        browser.open(console.url("/status/calls/history"));
        browser.type("historyForm:alias", "remote.example.org");
        org.edgeway.it.Console.select(browser, "historyForm:status", "Failed");
        browser.click("historyForm:filter");
        CallRecord failedRemote = seeded.stream()
                .filter(r -> r.status() == CallStatus.FAILED && r.sourceAlias().contains("remote.example.org"))
                .findFirst().orElseThrow();
        new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20)).until(ExpectedConditions
                .textToBe(By.id("historyForm:history:0:startLink"), failedRemote.start().toString()));
        assertEquals("Failed", browser.text("historyForm:history:0:status"));
        browser.click("historyForm:history:0:view");
        browser.waitForUrlContaining("serial=" + failedRemote.serialNumber());
        assertEquals("486 Busy Here", browser.text("callForm:disconnectReason"));

        // a bad time is marked next to its field, and the list keeps its last good filter
        browser.open(console.url("/status/calls/history"));
        browser.type("historyForm:from", "tomorrow");
        browser.click("historyForm:filter");
        browser.waitForText("historyForm:fromMessage", "must be a UTC time");
        assertEquals(newest.start().toString(), browser.text("historyForm:history:0:startLink"));
    }

    @Test
    @Order(7)
    void iceMetricsCountTheCallsOfTheIntervalBeforeTheRestart() throws Exception {
        ApiClient api = console.admin();
        JsonNode metrics = api.get("/status/ice-passthrough-metrics").expect(200).json();
        assertEquals(1, metrics.path("peers").size());
        String peer = metrics.path("peers").get(0).asText();
        Map<String, String> rows = new HashMap<>();
        metrics.path("rows").forEach(r -> rows.put(r.path("label").asText(), r.path("values").get(0).asText()));
        assertEquals(18, metrics.path("rows").size());
        List<CallRecord> connected = seeded.stream().filter(r -> r.status() == CallStatus.COMPLETED).toList();
        long optimised = connected.stream().filter(r -> r.iceCallType().optimised()).count();
        long hostToHost = connected.stream().filter(r -> r.iceCallType() == IcePassthroughCallType.HOST_TO_HOST).count();
        assertEquals(peer, rows.get("Peer"));
        assertEquals(Long.toString(connected.size()), rows.get("B2BUA connected calls"));
        assertEquals(Long.toString(optimised), rows.get("Calls with optimized ICE media paths"));
        assertEquals(Math.round(100.0 * optimised / connected.size()) + "%",
                rows.get("% of calls with optimized ICE media paths"));
        assertEquals(Math.round(100.0 * hostToHost / optimised) + "%", rows.get("Host to host"));
        assertEquals(Math.round(100.0 * (connected.size() - optimised) / connected.size()) + "%",
                rows.get("Calls with non-optimized media paths"));

        JsonNode history = api.get("/status/ice-passthrough-metrics/" + q(peer) + "/history").expect(200).json();
        assertEquals(60, history.size());
        assertEquals(connected.size(), history.get(0).path("b2buaConnectedCalls").asLong());
        assertEquals(hostToHost, history.get(0).path("hostToHost").asLong());
        assertEquals(0, history.get(1).path("b2buaConnectedCalls").asLong());
        assertTrue(Instant.parse(history.get(1).path("endTime").asText())
                .equals(Instant.parse(history.get(0).path("startTime").asText())), "intervals follow each other");
        api.get("/status/ice-passthrough-metrics/not-a-peer/history").assertError(404);
        List<List<String>> csv = Csv.parse(api.get("/status/ice-passthrough-metrics/metrics.csv").expect(200).body());
        assertEquals(List.of("Metrics", "B2BUA connected calls", Long.toString(connected.size())), csv.get(3));

        console.signInAsAdmin();
        Browser browser = console.browser();
        browser.open(console.url("/status/ice-passthrough-metrics"));
        assertEquals(rows.get("B2BUA connected calls"), cell(browser, "metricsForm:metrics", 4, 3));
        assertEquals(rows.get("% of calls with optimized ICE media paths"), cell(browser, "metricsForm:metrics", 6, 3));
        assertEquals(18, browser.driver().findElements(By.cssSelector("#metricsForm\\:metrics .ew-help-icon")).size(),
                "an i help for every row");
        browser.driver().findElement(By.linkText(peer)).click();
        browser.waitForUrlContaining("/status/calls/ice-metrics-history");
        browser.find("historyForm:chart");
        assertEquals(Long.toString(connected.size()), cell(browser, "historyForm:intervals", 1, 3));
        browser.screenshot("ice-metrics-history");
    }

    @Test
    @Order(8)
    void aRestartKeepsTheHistory() throws Exception {
        console.node().restart();
        ApiClient api = console.admin();
        assertEquals(CALLS, api.get(HISTORY).expect(200).json().path("total").asLong());
        assertEquals(seeded.get(CALLS - 1).serialNumber(),
                api.get(HISTORY + "/" + seeded.get(CALLS - 1).serialNumber()).expect(200).json().path("call")
                        .path("serialNumber").asText());
    }

    /** Asserts that the filter {@code query} finds exactly the seeded calls the predicate picks, newest first. */
    private static void expect(ApiClient api, String query, Predicate<CallRecord> picks) {
        List<CallRecord> expected = seeded.stream().filter(picks).toList();
        assertFalse(expected.isEmpty(), query + " must pick some calls to mean anything");
        assertTrue(expected.size() < CALLS, query + " must leave some calls out to mean anything");
        JsonNode page = api.get(HISTORY + "?size=1000&" + query).expect(200).json();
        assertEquals(expected.size(), page.path("total").asLong(), query);
        assertTrue(page.path("totalExact").asBoolean(), query);
        assertEquals(serials(expected), serials(page), query);
    }

    /** The text of a data table's cell, rows and columns counted from 1. */
    private static String cell(Browser browser, String table, int row, int column) {
        browser.find(table);
        return browser.driver().findElement(By.xpath("//tbody[@id='" + table + "_data']/tr[" + row + "]/td[" + column
                + "]")).getText();
    }

    private static List<String> serials(List<CallRecord> calls) {
        return calls.stream().map(CallRecord::serialNumber).toList();
    }

    private static List<String> serials(JsonNode page) {
        List<String> s = new ArrayList<>();
        page.path("calls").forEach(c -> s.add(c.path("serialNumber").asText()));
        return s;
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

}
