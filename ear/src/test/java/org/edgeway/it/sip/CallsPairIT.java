package org.edgeway.it.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.edgeway.engine.TestPorts;
import org.edgeway.engine.sip.PcapFile;
import org.edgeway.engine.sip.Sipp;
import org.edgeway.it.ApiClient;
import org.edgeway.it.Browser;
import org.edgeway.it.Console;
import org.edgeway.it.ServerNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A call with media through a deployed C/E pair (paired through the REST API as in {@link TraversalPairIT}): an
 * outside SIPp calls the E, the call crosses the traversal zone to the C and on to an inside SIPp that echoes RTP.
 * The caller plays SIPp's g711a capture. While the call is up, each node's /status/sip lists it with the B2BUA
 * component between its two SIP legs, the same tag on both nodes, and relayed RTP counters equal to what SIPp played
 * (toward the callee) and what was echoed (back toward the caller); after the BYE neither lists it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallsPairIT {

    static final String ADMIN_PASSWORD = "Edgeway-calls-2026";
    static final String TRAVERSAL_USER = "c-traversal";
    static final String TRAVERSAL_PASSWORD = "Traversal-Secret-1";

    ServerNode c;
    ServerNode e;
    ApiClient apiC;
    ApiClient apiE;
    int sipPortE;
    int insideUasPort;
    int rangeE;
    Sipp sipp;

    @BeforeAll
    void pair() throws Exception {
        Assumptions.assumeTrue(Sipp.installed(), "SIPp (sip-tester) is not installed");
        Assumptions.assumeTrue(java.nio.file.Files.isReadable(PcapFile.SIPP_G711A), "no SIPp g711a.pcap");
        // media ranges from the test band, outside the ephemeral range: the E demultiplexes on the first pair of its
        int rangeC = TestPorts.range(32);
        rangeE = TestPorts.range(32);
        c = new ServerNode("calls-c", 40, "--role", "C", "--", "-Dedgeway.media.portRange=" + rangeC + "-"
                + (rangeC + 31)).fresh().start();
        e = new ServerNode("calls-e", 50, "--role", "E", "--", "-Dedgeway.media.portRange=" + rangeE + "-"
                + (rangeE + 31)).fresh().start();
        try (Browser browser = new Browser()) {
            Console.firstLogin(browser, c, ADMIN_PASSWORD);
            Console.firstLogin(browser, e, ADMIN_PASSWORD);
        }
        apiC = ApiClient.as(c, "admin", ADMIN_PASSWORD);
        apiE = ApiClient.as(e, "admin", ADMIN_PASSWORD);
        PresentedCertificate certC = PresentedCertificate.of("127.0.0.1", httpsPort(c));
        PresentedCertificate certE = PresentedCertificate.of("127.0.0.1", httpsPort(e));
        apiE.post("/maintenance/trusted-ca-certificates", "{\"pem\":" + ApiClient.quote(certC.pem()) + "}")
                .expect(201);
        apiC.post("/maintenance/trusted-ca-certificates", "{\"pem\":" + ApiClient.quote(certE.pem()) + "}")
                .expect(201);
        sipPortE = enableSip(apiE);
        enableSip(apiC);
        int zonePort = TestPorts.port();
        insideUasPort = TestPorts.port();

        apiE.post("/configuration/authentication/local-database", "{\"name\":\"" + TRAVERSAL_USER
                + "\",\"password\":" + ApiClient.quote(TRAVERSAL_PASSWORD) + "}").expect(201);
        apiE.post("/configuration/zones", "{\"name\":\"TraversalServer\",\"type\":\"TRAVERSAL_SERVER\","
                + "\"transport\":\"TLS\",\"port\":" + zonePort + ",\"username\":\"" + TRAVERSAL_USER + "\","
                + "\"tlsVerify\":true,\"tlsVerifySubjectName\":" + ApiClient.quote(certC.dnsName()) + "}")
                .expect(201);
        apiE.post("/configuration/dial-plan/search-rules", rule("to-inside", 10, "example.com", "TraversalServer"))
                .expect(201);
        apiC.post("/configuration/zones", "{\"name\":\"TraversalClient\","
                + "\"type\":\"TRAVERSAL_CLIENT\",\"transport\":\"TLS\",\"port\":" + zonePort + ",\"peers\":["
                + ApiClient.quote(certE.dnsName()) + "],\"username\":\"" + TRAVERSAL_USER + "\",\"password\":"
                + ApiClient.quote(TRAVERSAL_PASSWORD) + ",\"tlsVerify\":true}").expect(201);
        apiC.post("/configuration/zones", "{\"name\":\"InsideUas\",\"type\":\"NEIGHBOR\",\"transport\":\"UDP\","
                + "\"port\":" + insideUasPort + ",\"peers\":[\"127.0.0.1\"]}").expect(201);
        apiC.post("/configuration/dial-plan/search-rules", rule("to-inside-uas", 10, "example.com", "InsideUas"))
                .expect(201);
        waitFor(apiC, "/status/zones", z -> zoneActive(z, "TraversalClient"));
        waitFor(apiE, "/status/zones", z -> zoneActive(z, "TraversalServer"));
        sipp = new Sipp();
    }

    @AfterEach
    void stopSipp() throws Exception {
        sipp.close();
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (c != null) {
                c.stop();
            }
        } finally {
            if (e != null) {
                e.stop();
            }
        }
    }

    @Test
    void mediaThroughThePairIsRelayedAndCountedOnBothNodes() throws Exception {
        PcapFile played = PcapFile.read(PcapFile.SIPP_G711A);
        Sipp.Run callee = sipp.start("-sf", sipp.scenario("uas-held.xml").toString(), "-i", "127.0.0.1", "-p",
                String.valueOf(insideUasPort), "-mp", String.valueOf(TestPorts.range(4)), "-rtp_echo", "-m", "1",
                "-timeout", "60s", "-timeout_error");
        // the caller holds the call 8 s after the capture's 7 s, so the counters are read while it is active
        Sipp.Run caller = sipp.start("127.0.0.1:" + sipPortE, "-sf", sipp.scenario("call-media.xml", "PCAP",
                PcapFile.SIPP_G711A.toString(), "HOLD_MS", "15000").toString(), "-s", "bob", "-i", "127.0.0.1", "-p",
                String.valueOf(TestPorts.port()), "-mp", String.valueOf(TestPorts.range(4)), "-m", "1", "-timeout",
                "60s", "-timeout_error");

        JsonNode onC = relayed(apiC, played.packets());
        JsonNode onE = relayed(apiE, played.packets());
        assertEquals(onC.path("tag").asText(), onE.path("tag").asText(), "one tag on both nodes");
        assertEquals("127.0.0.1:" + rangeE, channel(onE, 2).path("to").asText(),
                () -> "E faces its C on the demultiplexing port: " + onE);
        assertEquals("127.0.0.1:" + rangeE, channel(onC, 0).path("from").asText(), "C hears E's demux port");
        for (JsonNode call : new JsonNode[] {onC, onE}) {
            assertEquals("[\"SIP\",\"B2BUA\",\"SIP\"]", call.path("components").toString(), call.toString());
            assertEquals("sip:bob@example.com", call.path("destinationAlias").asText());
            assertEquals(played.payloadBytes(), channel(call, 0).path("bytes").asLong(), call.toString());
            assertEquals(played.payloadBytes(), channel(call, 2).path("bytes").asLong(), call.toString());
        }

        assertEquals(0, caller.exitCode(60), caller::output);
        assertEquals(0, callee.exitCode(30), callee::output);
        waitFor(apiC, "/status/sip", s -> s.path("activeCalls").isEmpty());
        waitFor(apiE, "/status/sip", s -> s.path("activeCalls").isEmpty());
    }

    /** Waits until the node's one active call has relayed {@code packets} RTP packets each way; that call. */
    private static JsonNode relayed(ApiClient api, long packets) throws InterruptedException {
        JsonNode status = waitFor(api, "/status/sip", s -> s.path("activeCalls").size() == 1
                && channel(s.path("activeCalls").get(0), 0).path("packets").asLong() == packets
                && channel(s.path("activeCalls").get(0), 2).path("packets").asLong() == packets);
        return status.path("activeCalls").get(0);
    }

    /** The "audio RTP" channel of a component of an active call (missing node when none). */
    private static JsonNode channel(JsonNode call, int component) {
        for (JsonNode m : call.path("media")) {
            if (m.path("component").asInt() == component && "audio RTP".equals(m.path("name").asText())) {
                return m;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static boolean zoneActive(JsonNode zones, String name) {
        for (JsonNode z : zones) {
            if (name.equals(z.path("name").asText())) {
                return "Active".equals(z.path("status").asText());
            }
        }
        return false;
    }

    private static int enableSip(ApiClient api) throws InterruptedException {
        int udp = TestPorts.port();
        api.put("/configuration/sip", "{\"enabled\":true,\"udpEnabled\":true,\"udpPort\":" + udp + ",\"tcpPort\":"
                + TestPorts.port() + ",\"tlsPort\":" + TestPorts.port() + ",\"digestAlgorithms\":\"MD5\"}")
                .expect(200);
        waitFor(api, "/status/sip", s -> "Active".equals(s.path("state").asText())
                && s.path("listening").toString().contains(":" + udp));
        return udp;
    }

    private static String rule(String name, int priority, String domain, String zone) {
        return "{\"name\":\"" + name + "\",\"priority\":" + priority + ",\"mode\":\"ALIAS_PATTERN_MATCH\","
                + "\"patternType\":\"SUFFIX\",\"pattern\":\"" + domain + "\",\"behavior\":\"LEAVE\","
                + "\"onMatch\":\"STOP\",\"targetZone\":\"" + zone + "\"}";
    }

    private static int httpsPort(ServerNode node) {
        return URI.create(node.httpsUrl()).getPort();
    }

    private static JsonNode waitFor(ApiClient api, String path, Predicate<JsonNode> condition)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = api.get(path).json();
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(path + " never met the condition; last: " + last);
    }
}
