package org.edgeway.it.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.edgeway.engine.TestPorts;
import org.edgeway.engine.sip.PcapFile;
import org.edgeway.engine.sip.Sipp;
import org.edgeway.it.ApiClient;
import org.edgeway.it.ApiClient.Answer;
import org.edgeway.it.Browser;
import org.edgeway.it.Console;
import org.edgeway.it.ServerNode;
import org.edgeway.it.StunProbe;
import org.edgeway.it.sip.CallPair;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The media pages on a deployed C/E pair started without any port property: the C's traversal media port range is
 * set on Configuration &gt; Local Zone &gt; Traversal Subzone in Chromium, the E's through the API; an outside SIPp
 * calls through the pair to an inside SIPp that echoes RTP, and each node relays on ports of its own range (the E
 * faces its C on the demultiplexing pair, the range's first). While the media flows Status &gt; Bandwidth &gt; Links
 * shows it on the links of the call's zones, and nothing once it ended; the OpenMetrics endpoint (parsed) counts
 * the call, its packets and a TURN allocation. Bad input is refused with the field named, and the range outlives a
 * restart, as a saved demultiplexing pair waits for one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MediaPairIT {

    static final String ADMIN_PASSWORD = "Edgeway-media-2026";
    static final int RANGE_SIZE = 32;
    static final String LINKS = "/status/bandwidth/links?sort=kbps,desc";
    static final String RESTART_ALARM = "restart.demultiplexingPorts";

    ServerNode c;
    ServerNode e;
    CallPair pair;
    ApiClient apiC;
    ApiClient apiE;
    int rangeC;
    int rangeE;
    Sipp sipp;

    @BeforeAll
    void pair() throws Exception {
        Assumptions.assumeTrue(Sipp.installed(), "SIPp (sip-tester) is not installed");
        Assumptions.assumeTrue(java.nio.file.Files.isReadable(PcapFile.SIPP_G711A), "no SIPp g711a.pcap");
        rangeC = TestPorts.range(RANGE_SIZE);
        rangeE = TestPorts.range(RANGE_SIZE);
        c = new ServerNode("media-c", 40, "--role", "C").fresh();
        e = new ServerNode("media-e", 50, "--role", "E").fresh();
        pair = CallPair.start(c, e, ADMIN_PASSWORD);
        apiC = pair.apiC;
        apiE = pair.apiE;
        sipp = new Sipp();
    }

    @AfterEach
    void stopSipp() throws Exception {
        sipp.close();
    }

    @AfterAll
    void stop() throws Exception {
        CallPair.stop(c, e);
    }

    @Test
    @Order(1)
    void badRangesAreRefusedNextToTheFieldAndNamedByTheApi() throws Exception {
        try (Browser browser = new Browser()) {
            Console.login(browser, c, "admin", ADMIN_PASSWORD);
            browser.waitForUrlContaining("/status/overview");
            browser.open(c.baseUrl() + "/configuration/local-zone/traversal-subzone");
            browser.type("subzoneForm:rangeStart", "40000");
            browser.type("subzoneForm:rangeEnd", "39000");
            browser.click("subzoneForm:save");
            browser.waitForText("subzoneForm:rangeEndMessage", "must be above the range start");
            browser.type("subzoneForm:rangeStart", String.valueOf(pair.sipPortC - 4));
            browser.type("subzoneForm:rangeEnd", String.valueOf(pair.sipPortC + 40));
            browser.click("subzoneForm:save");
            browser.waitForText("subzoneForm:rangeEndMessage", "the SIP UDP port (" + pair.sipPortC + ")");
            browser.type("subzoneForm:rangeStart", "800");
            browser.click("subzoneForm:save");
            browser.waitForText("subzoneForm:rangeStartMessage", "between 1024 and 65535");
        }
        apiE.put("/configuration/local-zone/traversal-subzone", "{\"rangeStart\":50000,\"rangeEnd\":50010}")
                .assertError(400, "rangeEnd");
        apiE.put("/configuration/traversal/ports", "{\"demuxRtpPort\":50000}").assertError(400, "demuxRtpPort");
        apiE.put("/configuration/traversal/ports", "{\"useConfiguredDemuxPorts\":true,\"demuxRtpPort\":50000,"
                + "\"demuxRtcpPort\":50002}").assertError(400, "demuxRtcpPort");
        // nothing of it was saved: the seed's defaults on both nodes
        for (ApiClient api : new ApiClient[] {apiC, apiE}) {
            JsonNode subzone = api.get("/configuration/local-zone/traversal-subzone").expect(200).json();
            assertEquals(36000, subzone.path("rangeStart").asInt(), subzone.toString());
            assertEquals(59999, subzone.path("rangeEnd").asInt(), subzone.toString());
            JsonNode ports = api.get("/configuration/traversal/ports").expect(200).json();
            assertEquals(false, ports.path("useConfiguredDemuxPorts").asBoolean(true), ports.toString());
            assertEquals(36000, ports.path("demuxRtpPort").asInt(), ports.toString());
        }
    }

    @Test
    @Order(2)
    void aCallThroughThePairTakesPortsFromEachNodesRange() throws Exception {
        try (Browser browser = new Browser()) {
            Console.login(browser, c, "admin", ADMIN_PASSWORD);
            browser.waitForUrlContaining("/status/overview");
            browser.open(c.baseUrl() + "/configuration/local-zone/traversal-subzone");
            browser.type("subzoneForm:rangeStart", String.valueOf(rangeC));
            browser.type("subzoneForm:rangeEnd", String.valueOf(rangeC + RANGE_SIZE - 1));
            browser.click("subzoneForm:save");
            browser.waitForText("banner", "Saved");
            browser.waitForText("subzoneForm:relayStatus", "ports " + rangeC + "-" + (rangeC + RANGE_SIZE - 1));
        }
        JsonNode savedE = apiE.put("/configuration/local-zone/traversal-subzone", "{\"rangeStart\":" + rangeE
                + ",\"rangeEnd\":" + (rangeE + RANGE_SIZE - 1) + "}").expect(200).json();
        assertEquals(rangeE, savedE.path("rangeStart").asInt(), savedE.toString());
        JsonNode log = apiC.get("/status/logs/configuration").expect(200).json();
        assertTrue(hasLine(log, "Configuration > Local Zone > Traversal Subzone: Traversal media port range start",
                String.valueOf(rangeC)), log::toString);

        OpenMetricsSamples beforeE = metrics(apiE);
        PcapFile played = PcapFile.read(PcapFile.SIPP_G711A);
        Sipp.Run callee = pair.insideCallee(sipp);
        Sipp.Run caller = pair.callFromOutside(sipp, 15000);

        // while SIPp plays its 7 s capture: usage on the links the call crosses, in kbps, on both nodes
        CallPair.waitFor(apiE, LINKS, l -> kbps(l, "TraversalServer") > 0 && kbps(l, "DefaultZone") > 0);
        CallPair.waitFor(apiC, LINKS, l -> kbps(l, "TraversalClient") > 0 && kbps(l, "InsideUas") > 0);
        JsonNode busyE = apiE.get(LINKS).expect(200).json();
        assertEquals("TraversalServerToTraversalSZ", link(busyE, "TraversalServer").path("link").asText());
        assertEquals(1, link(busyE, "TraversalServer").path("calls").asInt(), busyE::toString);
        assertTrue(kbps(busyE, "TraversalServer") < 1000, () -> "one G.711 call each way: " + busyE);

        JsonNode onC = CallPair.relayed(apiC, played.packets());
        JsonNode onE = CallPair.relayed(apiE, played.packets());
        assertEquals(1, metrics(apiE).value("edgeway_calls_active"), "the call is active on E");
        assertEquals("127.0.0.1:" + rangeE, CallPair.channel(onE, 2).path("to").asText(),
                () -> "E faces its C on the first pair of its range: " + onE);
        assertInRange(CallPair.channel(onE, 0).path("to").asText(), rangeE + 2, rangeE + RANGE_SIZE - 1, onE);
        assertInRange(CallPair.channel(onC, 0).path("to").asText(), rangeC, rangeC + RANGE_SIZE - 1, onC);
        assertInRange(CallPair.channel(onC, 2).path("to").asText(), rangeC, rangeC + RANGE_SIZE - 1, onC);

        assertEquals(0, caller.exitCode(60), caller::output);
        assertEquals(0, callee.exitCode(30), callee::output);
        CallPair.waitFor(apiC, "/status/sip", s -> s.path("activeCalls").isEmpty());
        CallPair.waitFor(apiE, "/status/sip", s -> s.path("activeCalls").isEmpty());
        CallPair.waitFor(apiE, LINKS, l -> kbps(l, "TraversalServer") == 0 && kbps(l, "DefaultZone") == 0
                && link(l, "TraversalServer").path("calls").asInt() == 0);
        CallPair.waitFor(apiC, LINKS, l -> kbps(l, "TraversalClient") == 0 && kbps(l, "InsideUas") == 0);

        // the ended call is in E's metrics once its history record is stored
        String none = "edgeway_ice_passthrough_calls_total{call_type=\"none\"}";
        Instant deadline = Instant.now().plusSeconds(30);
        OpenMetricsSamples afterE = metrics(apiE);
        while (afterE.value(none) < beforeE.value(none) + 1 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            afterE = metrics(apiE);
        }
        assertEquals(beforeE.value(none) + 1, afterE.value(none), "one more ended call without ICE");
        assertEquals(beforeE.value("edgeway_calls_total") + 1, afterE.value("edgeway_calls_total"));
        assertEquals(0, afterE.value("edgeway_calls_active"));
        // E relayed the capture toward the callee and the echo back: at least twice its RTP packets
        assertTrue(afterE.value("edgeway_media_relayed_packets_total")
                >= beforeE.value("edgeway_media_relayed_packets_total") + 2 * played.packets(),
                () -> "relayed packets " + beforeE.value("edgeway_media_relayed_packets_total") + " -> "
                        + metrics(apiE).value("edgeway_media_relayed_packets_total"));
    }

    @Test
    @Order(3)
    void metricsNeedCredentialsAndCountTurnAllocations() throws Exception {
        assertEquals(401, e.httpStatus("/api/v1/metrics"), "no anonymous scraping");
        Answer answer = apiE.get("/metrics").expect(200);
        String type = answer.contentType().replace(" ", "");
        assertTrue(type.startsWith("application/openmetrics-text;") && type.contains(";version=1.0.0"),
                answer::toString);
        int turnPort = TestPorts.port();
        apiE.put("/configuration/traversal/turn", "{\"enabled\":true,\"requestsPort\":" + turnPort
                + ",\"realm\":\"media.example\"}").expect(200);
        apiE.waitFor("/status/turn", s -> "Active".equals(s.path("state").asText()));
        OpenMetricsSamples before = metrics(apiE);
        try (StunProbe probe = new StunProbe(turnPort)) {
            StunProbe.Response challenge = probe.allocateWithoutCredentials();
            assertEquals(401, challenge.errorCode(), "challenge");
            assertTrue(probe.allocate(CallPair.TRAVERSAL_USER, CallPair.TRAVERSAL_PASSWORD, "media.example",
                    challenge.text(StunProbe.NONCE)).isSuccess(), "allocation");
            OpenMetricsSamples during = metrics(apiE);
            assertEquals(before.value("edgeway_turn_relays_active") + 1, during.value("edgeway_turn_relays_active"));
            assertEquals(before.value("edgeway_turn_allocations_total") + 1,
                    during.value("edgeway_turn_allocations_total"));
        }
        // a TURN relay is no call: the links carry nothing
        JsonNode links = apiE.get(LINKS).expect(200).json();
        for (JsonNode l : links.path("links")) {
            assertEquals(0, l.path("kbps").asLong(), links::toString);
        }
        apiE.get("/status/bandwidth/links?sort=speed").assertError(400, "sort");
        apiE.get("/status/bandwidth/links?size=0").assertError(400, "size");
    }

    @Test
    @Order(4)
    void demultiplexingPortsWaitForARestartAndTheRangeOutlivesIt() throws Exception {
        int demux = TestPorts.range(2);
        JsonNode ports = apiE.put("/configuration/traversal/ports", "{\"useConfiguredDemuxPorts\":true,"
                + "\"demuxRtpPort\":" + demux + ",\"demuxRtcpPort\":" + (demux + 1) + "}").expect(200).json();
        assertTrue(ports.path("restartPending").asBoolean(), ports.toString());
        CallPair.waitFor(apiE, "/status/alarms", a -> openAlarm(a, RESTART_ALARM));

        e.restart();
        c.restart();
        JsonNode afterE = apiE.get("/configuration/traversal/ports").expect(200).json();
        assertEquals(demux, afterE.path("demuxRtpPort").asInt(), afterE.toString());
        assertEquals(false, afterE.path("restartPending").asBoolean(true), afterE.toString());
        assertTrue(!openAlarm(apiE.get("/status/alarms").json(), RESTART_ALARM), "the restart lowered the alarm");
        JsonNode subzoneE = apiE.get("/configuration/local-zone/traversal-subzone").expect(200).json();
        assertTrue(subzoneE.path("relayStatus").asText().contains("demultiplexing on " + demux + "/" + (demux + 1)),
                subzoneE.toString());
        try (Browser browser = new Browser()) {
            Console.login(browser, c, "admin", ADMIN_PASSWORD);
            browser.waitForUrlContaining("/status/overview");
            browser.open(c.baseUrl() + "/configuration/local-zone/traversal-subzone");
            assertEquals(String.valueOf(rangeC), browser.value("subzoneForm:rangeStart"));
            assertEquals(String.valueOf(rangeC + RANGE_SIZE - 1), browser.value("subzoneForm:rangeEnd"));
            browser.waitForText("subzoneForm:relayStatus", "ports " + rangeC + "-" + (rangeC + RANGE_SIZE - 1));
            // Status > Overview draws the last 24 hours of calls, registrations and relays
            browser.open(c.baseUrl() + "/status/overview");
            for (String chart : new String[] {"callsChart", "registrationsChart", "relaysChart"}) {
                assertTrue(browser.find("overviewForm:" + chart).isDisplayed(), chart);
            }
        }
        try (Browser browser = new Browser()) {
            Console.login(browser, e, "admin", ADMIN_PASSWORD);
            browser.waitForUrlContaining("/status/overview");
            browser.open(e.baseUrl() + "/configuration/traversal/ports");
            assertEquals(String.valueOf(demux), browser.value("portsForm:demuxRtpPort"));
            assertTrue(browser.find("portsForm:demuxRtpPort").isEnabled(), "editable while Yes");
            Console.select(browser, "portsForm:useConfiguredDemuxPorts", "No");
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(20)).ignoring(
                    org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> !browser.find("portsForm:demuxRtpPort").isEnabled()
                            && !browser.find("portsForm:demuxRtcpPort").isEnabled());
        }
    }

    private static OpenMetricsSamples metrics(ApiClient api) {
        return OpenMetricsSamples.parse(api.get("/metrics").expect(200).body());
    }

    /** The link row of a zone in a /status/bandwidth/links answer (missing node when none). */
    private static JsonNode link(JsonNode links, String zone) {
        for (JsonNode l : links.path("links")) {
            if (zone.equals(l.path("zone").asText())) {
                return l;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static long kbps(JsonNode links, String zone) {
        return link(links, zone).path("kbps").asLong(-1);
    }

    private static boolean hasLine(JsonNode log, String setting, String newValue) {
        for (JsonNode line : log) {
            if (setting.equals(line.path("setting").asText()) && newValue.equals(line.path("newValue").asText())) {
                return true;
            }
        }
        return false;
    }

    private static boolean openAlarm(JsonNode alarms, String code) {
        for (JsonNode a : alarms) {
            if (code.equals(a.path("code").asText()) && !"LOWERED".equals(a.path("state").asText())) {
                return true;
            }
        }
        return false;
    }

    private static void assertInRange(String address, int first, int last, JsonNode call) {
        int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
        assertTrue(port >= first && port <= last, () -> address + " not in " + first + "-" + last + ": " + call);
    }







}
