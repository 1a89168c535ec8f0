package org.edgeway.it.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.edgeway.engine.TestPorts;
import org.edgeway.engine.sip.Sipp;
import org.edgeway.it.ApiClient;
import org.edgeway.it.Browser;
import org.edgeway.it.Console;
import org.edgeway.it.ServerNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An Expressway-C and an Expressway-E as two deployed nodes on one machine, paired only through the REST API as an
 * administrator pairs them: each trusts the certificate the other presents on its HTTPS port, the E has a traversal
 * server zone for the C's credentials (TLS verify On, the C's certificate name), the C a traversal client zone to
 * the E's name (TLS verify On). Outside SIPp UAs talk to the E over UDP, inside ones to the C. Every test starts
 * from the pair Active on both sides and leaves it so; the order of the tests does not matter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraversalPairIT {

    static final String ADMIN_PASSWORD = "Edgeway-pair-2026";
    static final String TRAVERSAL_USER = "c-traversal";
    static final String TRAVERSAL_PASSWORD = "Traversal-Secret-1";
    static final String DEVICE_PASSWORD = "alice-Secret-1";
    /** Max-Forwards at the inside UAS: capped at the traversal zone's hop count (15) by E, less one at C. */
    static final String HOPS_AT_INSIDE_UAS = "14";
    /** Max-Forwards at the outside UAS: capped at the traversal zone's hop count (15) by C, less one at E. */
    static final String HOPS_AT_OUTSIDE_UAS = "14";

    ServerNode c;
    ServerNode e;
    ApiClient apiC;
    ApiClient apiE;
    int sipPortC;
    int sipPortE;
    int insideUasPort;
    int outsideUasPort;
    int clientZoneId;
    Sipp sipp;

    @BeforeAll
    void pair() throws Exception {
        Assumptions.assumeTrue(Sipp.installed(), "SIPp (sip-tester) is not installed");
        // calls through the pair are anchored: media ports from the test band, outside the ephemeral range
        int rangeC = TestPorts.range(32);
        int rangeE = TestPorts.range(32);
        c = new ServerNode("pair-c", 40, "--role", "C", "--", "-Dedgeway.media.portRange=" + rangeC + "-"
                + (rangeC + 31)).fresh().start();
        e = new ServerNode("pair-e", 50, "--role", "E", "--", "-Dedgeway.media.portRange=" + rangeE + "-"
                + (rangeE + 31)).fresh().start();
        try (Browser browser = new Browser()) {
            Console.firstLogin(browser, c, ADMIN_PASSWORD);
            Console.firstLogin(browser, e, ADMIN_PASSWORD);
        }
        apiC = ApiClient.as(c, "admin", ADMIN_PASSWORD);
        apiE = ApiClient.as(e, "admin", ADMIN_PASSWORD);

        // each node trusts the (self-signed) certificate the other presents
        PresentedCertificate certC = PresentedCertificate.of("127.0.0.1", CallPair.httpsPort(c));
        PresentedCertificate certE = PresentedCertificate.of("127.0.0.1", CallPair.httpsPort(e));
        apiE.post("/maintenance/trusted-ca-certificates", "{\"pem\":" + ApiClient.quote(certC.pem()) + "}")
                .expect(201);
        apiC.post("/maintenance/trusted-ca-certificates", "{\"pem\":" + ApiClient.quote(certE.pem()) + "}")
                .expect(201);

        sipPortE = CallPair.enableSip(apiE);
        sipPortC = CallPair.enableSip(apiC);
        int zonePort = TestPorts.port();
        insideUasPort = TestPorts.port();
        outsideUasPort = TestPorts.port();

        // E: the C's credentials, the server zone, the outside UAS, and the inside domain sent to the C
        apiE.post("/configuration/authentication/local-database", "{\"name\":\"" + TRAVERSAL_USER
                + "\",\"password\":" + ApiClient.quote(TRAVERSAL_PASSWORD) + "}").expect(201);
        apiE.post("/configuration/zones", "{\"name\":\"TraversalServer\",\"type\":\"TRAVERSAL_SERVER\","
                + "\"transport\":\"TLS\",\"port\":" + zonePort + ",\"username\":\"" + TRAVERSAL_USER + "\","
                + "\"tlsVerify\":true,\"tlsVerifySubjectName\":" + ApiClient.quote(certC.dnsName()) + "}")
                .expect(201);
        apiE.post("/configuration/zones", neighbor("OutsideUas", outsideUasPort)).expect(201);
        apiE.post("/configuration/dial-plan/search-rules",
                CallPair.rule("to-inside", 10, "example.com", "TraversalServer"))
                .expect(201);
        apiE.post("/configuration/dial-plan/search-rules",
                CallPair.rule("to-outside-uas", 20, "example.org", "OutsideUas"))
                .expect(201);

        // C: the registrar domain and its device, the client zone to the E's name, the inside UAS
        apiC.post("/configuration/authentication/local-database",
                "{\"name\":\"alice\",\"password\":" + ApiClient.quote(DEVICE_PASSWORD) + "}").expect(201);
        apiC.post("/configuration/domains", "{\"name\":\"example.com\",\"sipRegistrations\":true}").expect(201);
        clientZoneId = apiC.post("/configuration/zones", "{\"name\":\"TraversalClient\","
                + "\"type\":\"TRAVERSAL_CLIENT\",\"transport\":\"TLS\",\"port\":" + zonePort + ",\"peers\":["
                + ApiClient.quote(certE.dnsName()) + "],\"username\":\"" + TRAVERSAL_USER + "\",\"password\":"
                + ApiClient.quote(TRAVERSAL_PASSWORD) + ",\"tlsVerify\":true}").expect(201).json().path("id").asInt();
        apiC.post("/configuration/zones", neighbor("InsideUas", insideUasPort)).expect(201);
        apiC.post("/configuration/dial-plan/search-rules",
                CallPair.rule("to-inside-uas", 10, "example.com", "InsideUas"))
                .expect(201);
        apiC.post("/configuration/dial-plan/search-rules",
                CallPair.rule("to-outside", 20, "example.org", "TraversalClient"))
                .expect(201);
    }


    private static String neighbor(String name, int port) {
        return "{\"name\":\"" + name + "\",\"type\":\"NEIGHBOR\",\"transport\":\"UDP\",\"port\":" + port
                + ",\"peers\":[\"127.0.0.1\"]}";
    }



    @BeforeEach
    void pairActive() throws Exception {
        sipp = new Sipp();
        awaitZone(apiC, "TraversalClient", "Active", null);
        awaitZone(apiE, "TraversalServer", "Active", null);
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
    void theZoneIsActiveOnBothNodesWithTheOtherAsPeer() {
        JsonNode client = zone(apiC.get("/status/zones").json(), "TraversalClient");
        assertEquals("Active", client.path("status").asText(), client.toString());
        assertTrue(client.path("reason").isNull(), client.toString());
        assertTrue(client.path("peer").asText().endsWith(":" + zonePortOf(apiE)), client.toString());
        JsonNode server = zone(apiE.get("/status/zones").json(), "TraversalServer");
        assertEquals("Active", server.path("status").asText(), server.toString());
        assertTrue(server.path("reason").isNull(), server.toString());
    }

    @Test
    void mraRegistrationCountersAreShownOnTheEOnly() throws Exception {
        assertTrue(apiE.get("/status/sip").json().path("mraRegistrations").path("current").isInt());
        JsonNode onC = apiC.get("/status/sip").json();
        JsonNode mraOnC = onC.path("mraRegistrations");
        assertTrue(onC.has("state") && (mraOnC.isNull() || mraOnC.isMissingNode()), onC.toString());
        try (Browser browser = new Browser()) {
            // the same page on both roles: the rows exist on the E, so their absence on the C is the role's doing
            Console.login(browser, e, "admin", ADMIN_PASSWORD);
            browser.waitForUrlContaining("/status/overview");
            browser.open(e.baseUrl() + "/status/overview");
            browser.waitForText("overviewForm:nodeRole", "Expressway-E");
            assertTrue(browser.exists("overviewForm:mraRegistrationsCurrent"));
            assertTrue(browser.exists("overviewForm:mraRegistrationsPeak"));
            Console.login(browser, c, "admin", ADMIN_PASSWORD);
            browser.waitForUrlContaining("/status/overview");
            browser.open(c.baseUrl() + "/status/overview");
            browser.waitForText("overviewForm:nodeRole", "Expressway-C");
            assertFalse(browser.exists("overviewForm:mraRegistrations"));
            assertFalse(browser.exists("overviewForm:mraRegistrationsCurrent"));
            assertFalse(browser.exists("overviewForm:mraRegistrationsPeak"));
            String page = browser.find("overviewForm").getText();
            assertFalse(page.contains("MRA Registration"), page);
        }
    }

    @Test
    void anOutsideDeviceRegisteringAtTheEReachesTheRegistrarOfTheC() throws Exception {
        Sipp.Run run = uac(sipPortE, sipp.scenario("register-only.xml"), "alice", "-au", "alice", "-ap",
                DEVICE_PASSWORD);
        assertEquals(0, run.exitCode(30), run::output);

        JsonNode alice = registration(apiC.get("/status/registrations").json(), "sip:alice@example.com");
        assertEquals("TraversalClient", alice.path("zone").asText(), alice.toString());
        assertTrue(alice.path("contact").asText().startsWith("sip:alice@127.0.0.1:"), alice.toString());
        assertTrue(alice.path("expiresInSeconds").asInt() > 0, alice.toString());
        assertTrue(aors(apiE.get("/status/registrations").json()).isEmpty(), "the E keeps no registrations");

        apiC.post("/status/registrations/unregister", "{\"addressesOfRecord\":[\"sip:alice@example.com\"]}")
                .expect(204);
    }

    @Test
    void aCallFromOutsideReachesAnInsideUasThroughTheTraversalConnection() throws Exception {
        // the C's B2BUA starts a dialog of its own toward the inside UAS: no Record-Route reaches it
        Sipp.Run uas = sipp.start("-sf", sipp.scenario("uas.xml", "HOP_COUNT", HOPS_AT_INSIDE_UAS,
                "check_it=\"true\"\n            assign_to=\"rr\"", "check_it_inverse=\"true\" assign_to=\"rr\"")
                .toString(), "-i", "127.0.0.1", "-p", String.valueOf(insideUasPort), "-m", "1", "-timeout", "25s",
                "-timeout_error");
        Sipp.Run uac = uac(sipPortE, sipp.scenario("call.xml"), "bob");
        assertEquals(0, uac.exitCode(30), uac::output);
        assertEquals(0, uas.exitCode(30), uas::output);

        JsonNode atE = lastInvite(apiE);
        assertEquals(200, atE.path("status").asInt(), atE.toString());
        assertTrue(atE.path("result").asText().contains("TraversalServer"), atE.toString());
        JsonNode atC = lastInvite(apiC);
        assertEquals("TraversalClient", atC.path("sourceZone").asText(), atC.toString());
        assertEquals(200, atC.path("status").asInt(), atC.toString());
        assertTrue(atC.path("result").asText().contains("InsideUas"), atC.toString());
    }

    @Test
    void aCallFromInsideReachesAnOutsideUasThroughTheTraversalConnection() throws Exception {
        Sipp.Run uas = uas(outsideUasPort, HOPS_AT_OUTSIDE_UAS);
        // the C answers the inside caller as the UAS of its dialog: its 200 carries no Record-Route
        Sipp.Run uac = uac(sipPortC, sipp.scenario("call.xml", "@example.com>", "@example.org>",
                "@example.com SIP/2.0", "@example.org SIP/2.0", "check_it=\"true\" assign_to=\"rr\"",
                "check_it_inverse=\"true\" assign_to=\"rr\""), "carol");
        assertEquals(0, uac.exitCode(30), uac::output);
        assertEquals(0, uas.exitCode(30), uas::output);

        JsonNode atE = lastInvite(apiE);
        assertEquals("TraversalServer", atE.path("sourceZone").asText(), atE.toString());
        assertEquals(200, atE.path("status").asInt(), atE.toString());
        assertTrue(atE.path("result").asText().contains("OutsideUas"), atE.toString());
    }

    @Test
    void theZoneComesBackByItselfAfterTheCRestarts() throws Exception {
        c.stop();
        awaitZone(apiE, "TraversalServer", "Failed", "Connection lost");
        c.start();
        apiC = ApiClient.as(c, "admin", ADMIN_PASSWORD);
        awaitZone(apiC, "TraversalClient", "Active", null);
        awaitZone(apiE, "TraversalServer", "Active", null);
    }

    @Test
    void wrongCredentialsOnTheClientZoneFailOnBothNodesWithTheReason() throws Exception {
        apiC.put("/configuration/zones/" + clientZoneId, "{\"password\":\"not-the-password\"}").expect(200);
        try {
            JsonNode client = awaitZone(apiC, "TraversalClient", "Failed", "Authentication failed");
            assertEquals("Authentication failed", client.path("reason").asText(), client.toString());
            JsonNode server = awaitZone(apiE, "TraversalServer", "Failed", "Authentication failed");
            assertEquals("Authentication failed", server.path("reason").asText(), server.toString());
        } finally {
            apiC.put("/configuration/zones/" + clientZoneId,
                    "{\"password\":" + ApiClient.quote(TRAVERSAL_PASSWORD) + "}").expect(200);
        }
        awaitZone(apiC, "TraversalClient", "Active", null);
        awaitZone(apiE, "TraversalServer", "Active", null);
    }

    @Test
    void aSubjectNameNotInTheCertificateOfTheCFailsTlsVerifyOnTheE() throws Exception {
        int serverZoneId = zoneIdOf(apiE, "TraversalServer");
        String subject = apiE.get("/configuration/zones/" + serverZoneId).json().path("tlsVerifySubjectName")
                .asText();
        apiE.put("/configuration/zones/" + serverZoneId, "{\"tlsVerifySubjectName\":\"other.example.com\"}")
                .expect(200);
        try {
            awaitZone(apiE, "TraversalServer", "Failed",
                    "TLS verify failed: other.example.com is not in the peer certificate's SAN");
            JsonNode client = awaitZone(apiC, "TraversalClient", "Failed", null);
            assertTrue(client.path("reason").isTextual(), client.toString());
        } finally {
            apiE.put("/configuration/zones/" + serverZoneId,
                    "{\"tlsVerifySubjectName\":" + ApiClient.quote(subject) + "}").expect(200);
        }
        awaitZone(apiC, "TraversalClient", "Active", null);
        awaitZone(apiE, "TraversalServer", "Active", null);
    }

    private static int zoneIdOf(ApiClient api, String name) {
        return zone(api.get("/configuration/zones").json(), name).path("id").asInt();
    }

    private static int zonePortOf(ApiClient api) {
        return zone(api.get("/configuration/zones").json(), "TraversalServer").path("port").asInt();
    }

    private Sipp.Run uas(int port, String hops) throws Exception {
        return sipp.start("-sf", sipp.scenario("uas.xml", "HOP_COUNT", hops).toString(), "-i", "127.0.0.1",
                "-p", String.valueOf(port), "-m", "1", "-timeout", "25s", "-timeout_error");
    }

    private Sipp.Run uac(int sipPort, Path scenario, String service, String... extra)
            throws Exception {
        List<String> args = new ArrayList<>(List.of("127.0.0.1:" + sipPort, "-sf", scenario.toString(), "-s",
                service, "-i", "127.0.0.1", "-p", String.valueOf(TestPorts.port()), "-m", "1", "-timeout", "20s",
                "-timeout_error"));
        args.addAll(List.of(extra));
        return sipp.start(args.toArray(String[]::new));
    }

    private static JsonNode lastInvite(ApiClient api) {
        for (JsonNode s : api.get("/status/search-history").json()) {
            if ("INVITE".equals(s.path("method").asText())) {
                return s;
            }
        }
        throw new AssertionError("no INVITE in the search history");
    }

    private static JsonNode zone(JsonNode zones, String name) {
        for (JsonNode z : zones) {
            if (name.equals(z.path("name").asText())) {
                return z;
            }
        }
        throw new AssertionError("no zone " + name + ": " + zones);
    }

    private static JsonNode registration(JsonNode registrations, String aor) {
        for (JsonNode r : registrations) {
            if (aor.equals(r.path("addressOfRecord").asText())) {
                return r;
            }
        }
        throw new AssertionError(aor + " not registered: " + registrations);
    }

    private static List<String> aors(JsonNode registrations) {
        List<String> aors = new ArrayList<>();
        registrations.forEach(r -> aors.add(r.path("addressOfRecord").asText()));
        return aors;
    }

    /** Waits until Status &gt; Zones shows the zone in this state (and with this reason, unless null). */
    private static JsonNode awaitZone(ApiClient api, String name, String status, String reason)
            throws InterruptedException {
        JsonNode zones = CallPair.waitFor(api, "/status/zones", all -> {
            JsonNode z = zone(all, name);
            return status.equals(z.path("status").asText())
                    && (reason == null || reason.equals(z.path("reason").asText()));
        });
        return zone(zones, name);
    }

}
