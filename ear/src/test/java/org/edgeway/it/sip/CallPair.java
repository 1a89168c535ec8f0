package org.edgeway.it.sip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
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

/**
 * A deployed C/E pair that carries calls, set up through the REST API as in {@link TraversalPairIT}: SIP on both,
 * a TLS traversal zone between them (each trusting the other's certificate), a search rule on the E toward the
 * traversal zone and one on the C toward a neighbor zone "InsideUas" where an inside SIPp answers. An outside SIPp
 * calls the E's UDP port ({@link #callFromOutside}); the call crosses the pair to the inside SIPp, which echoes RTP.
 */
public final class CallPair {

    public static final String TRAVERSAL_USER = "c-traversal";
    public static final String TRAVERSAL_PASSWORD = "Traversal-Secret-1";

    public final ServerNode c;
    public final ServerNode e;
    public final ApiClient apiC;
    public final ApiClient apiE;
    public final int sipPortC;
    public final int sipPortE;
    public final int insideUasPort;

    private CallPair(ServerNode c, ServerNode e, ApiClient apiC, ApiClient apiE, int sipPortC, int sipPortE,
            int insideUasPort) {
        this.c = c;
        this.e = e;
        this.apiC = apiC;
        this.apiE = apiE;
        this.sipPortC = sipPortC;
        this.sipPortE = sipPortE;
        this.insideUasPort = insideUasPort;
    }

    /** Starts both (fresh, not yet started) nodes, signs in for the first time and pairs them. */
    public static CallPair start(ServerNode c, ServerNode e, String adminPassword) throws Exception {
        c.start();
        e.start();
        try (Browser browser = new Browser()) {
            Console.firstLogin(browser, c, adminPassword);
            Console.firstLogin(browser, e, adminPassword);
        }
        ApiClient apiC = ApiClient.as(c, "admin", adminPassword);
        ApiClient apiE = ApiClient.as(e, "admin", adminPassword);
        PresentedCertificate certC = PresentedCertificate.of("127.0.0.1", httpsPort(c));
        PresentedCertificate certE = PresentedCertificate.of("127.0.0.1", httpsPort(e));
        apiE.post("/maintenance/trusted-ca-certificates", "{\"pem\":" + ApiClient.quote(certC.pem()) + "}")
                .expect(201);
        apiC.post("/maintenance/trusted-ca-certificates", "{\"pem\":" + ApiClient.quote(certE.pem()) + "}")
                .expect(201);
        int sipPortE = enableSip(apiE);
        int sipPortC = enableSip(apiC);
        int zonePort = TestPorts.port();
        int insideUasPort = TestPorts.port();

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
        return new CallPair(c, e, apiC, apiE, sipPortC, sipPortE, insideUasPort);
    }

    /** The inside SIPp: answers one call on {@link #insideUasPort} and echoes its RTP. */
    public Sipp.Run insideCallee(Sipp sipp) throws Exception {
        return sipp.start("-sf", sipp.scenario("uas-held.xml").toString(), "-i", "127.0.0.1", "-p",
                String.valueOf(insideUasPort), "-mp", String.valueOf(TestPorts.range(4)), "-rtp_echo", "-m", "1",
                "-timeout", "60s", "-timeout_error");
    }

    /**
     * The outside SIPp: calls sip:bob@example.com at the E, plays SIPp's g711a capture (7 s) and holds the call
     * {@code holdMillis} in all before its BYE.
     */
    public Sipp.Run callFromOutside(Sipp sipp, int holdMillis) throws Exception {
        return sipp.start("127.0.0.1:" + sipPortE, "-sf", sipp.scenario("call-media.xml", "PCAP",
                PcapFile.SIPP_G711A.toString(), "HOLD_MS", String.valueOf(holdMillis)).toString(), "-s", "bob", "-i",
                "127.0.0.1", "-p", String.valueOf(TestPorts.port()), "-mp", String.valueOf(TestPorts.range(4)), "-m",
                "1", "-timeout", "60s", "-timeout_error");
    }

    /** Waits until the node's one active call has relayed {@code packets} RTP packets each way; that call. */
    public static JsonNode relayed(ApiClient api, long packets) throws InterruptedException {
        JsonNode status = waitFor(api, "/status/sip", s -> s.path("activeCalls").size() == 1
                && channel(s.path("activeCalls").get(0), 0).path("packets").asLong() == packets
                && channel(s.path("activeCalls").get(0), 2).path("packets").asLong() == packets);
        return status.path("activeCalls").get(0);
    }

    /** The "audio RTP" channel of a component of an active call (missing node when none). */
    public static JsonNode channel(JsonNode call, int component) {
        for (JsonNode m : call.path("media")) {
            if (m.path("component").asInt() == component && "audio RTP".equals(m.path("name").asText())) {
                return m;
            }
        }
        return MissingNode.getInstance();
    }

    public static JsonNode waitFor(ApiClient api, String path, Predicate<JsonNode> condition)
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

    /** Stops both nodes (either may be null), the second even when the first fails. */
    public static void stop(ServerNode c, ServerNode e) throws Exception {
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

    private static boolean zoneActive(JsonNode zones, String name) {
        for (JsonNode z : zones) {
            if (name.equals(z.path("name").asText())) {
                return "Active".equals(z.path("status").asText());
            }
        }
        return false;
    }

    /** SIP On with UDP, TCP and TLS on test ports; MD5 digest (SIPp answers MD5 only); returns the UDP port. */
    public static int enableSip(ApiClient api) throws InterruptedException {
        int udp = TestPorts.port();
        api.put("/configuration/sip", "{\"enabled\":true,\"udpEnabled\":true,\"udpPort\":" + udp + ",\"tcpPort\":"
                + TestPorts.port() + ",\"tlsPort\":" + TestPorts.port() + ",\"digestAlgorithms\":\"MD5\"}")
                .expect(200);
        waitFor(api, "/status/sip", s -> "Active".equals(s.path("state").asText())
                && s.path("listening").toString().contains(":" + udp));
        return udp;
    }

    /** Requests for any alias ending in {@code domain} go to {@code zone}, and the search stops there. */
    public static String rule(String name, int priority, String domain, String zone) {
        return "{\"name\":\"" + name + "\",\"priority\":" + priority + ",\"mode\":\"ALIAS_PATTERN_MATCH\","
                + "\"patternType\":\"SUFFIX\",\"pattern\":\"" + domain + "\",\"behavior\":\"LEAVE\","
                + "\"onMatch\":\"STOP\",\"targetZone\":\"" + zone + "\"}";
    }

    public static int httpsPort(ServerNode node) {
        return URI.create(node.httpsUrl()).getPort();
    }
}
