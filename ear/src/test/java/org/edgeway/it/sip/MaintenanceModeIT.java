package org.edgeway.it.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.edgeway.engine.TestPorts;
import org.edgeway.it.ApiClient;
import org.edgeway.it.Browser;
import org.edgeway.it.Console;
import org.edgeway.it.ServerNode;
import org.edgeway.it.StunProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Maintenance &gt; Maintenance mode on a real node (seed 001, B-MM): switched through the API, applied without a
 * restart; a new TURN allocation is refused (508) while one made before carries on, a new SIP REGISTER gets 503;
 * every console page says "(Maintenance mode)"; Off serves again; a read-only account cannot switch it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaintenanceModeIT {

    static final String PASSWORD = "Edgeway-maint-2026";
    static final String MODE = "/maintenance/maintenance-mode";
    static final String TURN_USER = "turnuser";
    static final String TURN_PASSWORD = "Turn-pass-2026";
    static final String REALM = "MMREALM";

    ServerNode node;
    ApiClient api;
    int sipPort;
    int turnPort;

    @BeforeAll
    void start() throws Exception {
        node = new ServerNode("maintenance-mode", 30, "--role", "E").fresh().start();
        try (Browser browser = new Browser()) {
            Console.firstLogin(browser, node, PASSWORD);
        }
        api = ApiClient.as(node, "admin", PASSWORD);
        sipPort = TestPorts.port();
        turnPort = TestPorts.port();
        api.post("/configuration/authentication/local-database", "{\"name\":\"" + TURN_USER + "\",\"password\":"
                + ApiClient.quote(TURN_PASSWORD) + "}").expect(201);
        api.post("/configuration/domains", "{\"name\":\"example.com\",\"sipRegistrations\":true}").expect(201);
        api.put("/configuration/sip", "{\"enabled\":true,\"udpEnabled\":true,\"udpPort\":" + sipPort
                + ",\"tcpPort\":" + TestPorts.port() + ",\"tlsPort\":" + TestPorts.port() + "}").expect(200);
        api.put("/configuration/traversal/turn", "{\"enabled\":true,\"requestsPort\":" + turnPort + ",\"realm\":\""
                + REALM + "\"}").expect(200);
        api.waitFor("/status/sip", s -> "Active".equals(s.path("state").asText())
                && s.path("listening").toString().contains(":" + sipPort));
        api.waitFor("/status/turn", s -> "Active".equals(s.path("state").asText()));
    }

    @AfterAll
    void stop() throws Exception {
        if (node != null) {
            node.stop();
        }
    }

    @Test
    void newTrafficIsRefusedWhileExistingRelaysCarryOnUntilItIsOff() throws Exception {
        assertFalse(api.get(MODE).expect(200).json().path("enabled").asBoolean(), "Off by default");
        try (StunProbe before = new StunProbe(turnPort)) {
            assertTrue(allocate(before).isSuccess(), "an allocation made before maintenance mode");

            assertTrue(api.put(MODE, "{\"enabled\":true}").expect(200).json().path("enabled").asBoolean());
            try (StunProbe after = new StunProbe(turnPort)) {
                assertEquals(508, allocate(after).errorCode(), "a new allocation is refused");
            }
            assertEquals(1, api.get("/status/turn").json().path("activeRelays").asInt(),
                    "the allocation made before is still there");
            assertTrue(register("mm-on").startsWith("SIP/2.0 503 "), "a new registration is refused");
            try (Browser browser = new Browser()) {
                Console.login(browser, node, "admin", PASSWORD);
                browser.waitForUrlContaining("/status/overview");
                browser.waitForText("maintenanceModeNote", "(Maintenance mode)");
            }

            assertFalse(api.put(MODE, "{\"enabled\":false}").expect(200).json().path("enabled").asBoolean());
            try (StunProbe later = new StunProbe(turnPort)) {
                assertTrue(allocate(later).isSuccess(), "served again once Off");
            }
            assertTrue(register("mm-off").startsWith("SIP/2.0 401 "), "challenged again once Off");
        }
        api.put(MODE, "{\"enabled\":\"yes\"}").assertError(400, "enabled");
    }

    @Test
    void aReadOnlyAccountCannotSwitchIt() {
        api.post("/users/administrator-accounts",
                "{\"name\":\"viewer\",\"accessLevel\":\"READ_ONLY\",\"password\":\"Viewer-pass-2026\"}").expect(201);
        ApiClient viewer = ApiClient.as(node, "viewer", "Viewer-pass-2026");
        assertEquals(403, viewer.put(MODE, "{\"enabled\":true}").status());
        assertFalse(api.get(MODE).json().path("enabled").asBoolean(), "nothing changed");
    }

    /** Allocate with the long-term credential: the 401 brings the nonce. */
    private StunProbe.Response allocate(StunProbe probe) throws Exception {
        StunProbe.Response challenge = probe.allocateWithoutCredentials();
        assertEquals(401, challenge.errorCode(), "challenge");
        return probe.allocate(TURN_USER, TURN_PASSWORD, REALM, challenge.text(StunProbe.NONCE));
    }

    private String register(String callId) throws Exception {
        try (UdpProbe probe = new UdpProbe(sipPort)) {
            int local = probe.localPort();
            return probe.request(("REGISTER sip:example.com SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + local + ";branch=z9hG4bK-" + callId + ";rport\r\n"
                    + "From: <sip:alice@example.com>;tag=r1\r\nTo: <sip:alice@example.com>\r\nCall-ID: " + callId
                    + "\r\nCSeq: 1 REGISTER\r\nContact: <sip:alice@127.0.0.1:" + local + ">\r\nMax-Forwards: 70\r\n"
                    + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
    }
}
