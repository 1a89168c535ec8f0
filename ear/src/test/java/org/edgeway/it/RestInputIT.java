package org.edgeway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 9 finding 6 against a real node: malformed JSON, wrong types, unknown fields, bad enum values and huge
 * values are refused with the documented JSON error naming the field, change nothing and echo nothing; framework
 * errors are JSON too; a PUT changes only what it names; the API reaches System &gt; Time and the administrator
 * accounts with the console's rules.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestInputIT {

    static final String PASSWORD = "Edgeway-rest-2026";
    static final String VIEWER = "viewer";
    static final String VIEWER_PASSWORD = "Viewer-rest-2026";
    static final String TURN = "/configuration/traversal/turn";
    static final String ACCOUNTS = "/users/administrator-accounts";

    ServerNode node;
    ApiClient admin;

    @BeforeAll
    void start() throws Exception {
        node = new ServerNode("rest-input", 20, "--role", "E").fresh().start();
        try (Browser browser = new Browser()) {
            Console.firstLogin(browser, node, PASSWORD);
        }
        admin = ApiClient.as(node, "admin", PASSWORD);
    }

    @AfterAll
    void stop() throws Exception {
        if (node != null) {
            node.stop();
        }
    }

    @Test
    @Order(1)
    void aPutChangesOnlyTheFieldsItNames() {
        admin.put("/system/dns", "{\"hostName\":\"edge1\",\"domainName\":\"example.com\",\"dnsServer1\":\"192.0.2.53\"}")
                .json();
        JsonNode after = admin.put("/system/dns", "{\"dnsServer2\":\"192.0.2.54\"}").json();
        assertEquals("edge1", after.path("hostName").asText());
        assertEquals("example.com", after.path("domainName").asText());
        assertEquals("192.0.2.53", after.path("dnsServer1").asText());
        assertEquals("192.0.2.54", after.path("dnsServer2").asText());
        assertTrue(after.has("dnsServer5") && after.path("dnsServer5").isNull(), "empty fields shown as null: " + after);
        // null clears a field
        JsonNode cleared = admin.put("/system/dns", "{\"dnsServer2\":null}").json();
        assertTrue(cleared.path("dnsServer2").isNull(), cleared.toString());
        assertEquals("edge1", cleared.path("hostName").asText());
    }

    @Test
    @Order(2)
    void malformedJsonIsRefusedAndChangesNothing() {
        JsonNode before = admin.get("/system/dns").json();
        for (String body : List.of("{\"hostName\":\"edge2\",", "", "[\"edge2\"]", "\"edge2\"",
                "{\"hostName\":\"edge2\",\"hostName\":\"edge3\"}", "{\"hostName\":\"edge2\"} {}")) {
            admin.put("/system/dns", body).assertError(400, "body");
        }
        assertEquals(before, admin.get("/system/dns").json());
    }

    @Test
    @Order(3)
    void wrongTypesAndBadEnumsAreRefusedPerFieldAndChangeNothing() {
        JsonNode set = admin.put(TURN, "{\"allowUnauthenticatedStunBinding\":true,\"requestsPort\":3500}").json();
        assertTrue(set.path("allowUnauthenticatedStunBinding").asBoolean());
        ApiClient.Answer refused = admin.put(TURN, "{\"enabled\":\"yes\",\"allowUnauthenticatedStunBinding\":\"no\","
                + "\"requestsPort\":\"abc\",\"mediaPortRangeStart\":3478.5,\"mediaPortRangeEnd\":4294971074,"
                + "\"protocolMode\":\"SCTP\",\"tlsPort\":null,\"realm\":42}");
        refused.assertError(400, "enabled", "allowUnauthenticatedStunBinding", "requestsPort", "mediaPortRangeStart",
                "mediaPortRangeEnd", "protocolMode", "tlsPort", "realm");
        assertFalse(refused.body().contains("4294971074") || refused.body().contains("SCTP"),
                "the value is not echoed: " + refused);
        assertEquals(set, admin.get(TURN).json(), "nothing changed");
        // a number that would wrap to a valid port is out of range, not 3778
        admin.put(TURN, "{\"requestsPort\":4294971074}").assertError(400, "requestsPort");
        assertEquals(3500, admin.get(TURN).json().path("requestsPort").asInt());
    }

    @Test
    @Order(4)
    void anUnknownFieldIsRefusedAndWipesNothing() {
        JsonNode before = admin.get("/system/dns").json();
        assertEquals("edge1", before.path("hostName").asText());
        JsonNode e = admin.put("/system/dns", "{\"hostname\":\"typo\"}").assertError(400, "hostname");
        assertFalse(e.path("fields").has("hostName"), e.toString());
        assertEquals(before, admin.get("/system/dns").json());
    }

    @Test
    @Order(5)
    void aHugeValueIsRefusedWithoutEchoingIt() {
        JsonNode before = admin.get(TURN).json();
        String realm = "R".repeat(5 * 1024 * 1024);
        ApiClient.Answer refused = admin.put(TURN, "{\"realm\":" + ApiClient.quote(realm) + "}");
        refused.assertError(400, "realm");
        assertTrue(refused.body().length() < 1000, "short answer: " + refused.body().length() + " characters");
        assertEquals(before, admin.get(TURN).json());
    }

    @Test
    @Order(6)
    void frameworkErrorsAreTheDocumentedJsonWithoutInternals() {
        record Expect(int status, ApiClient.Answer answer) { }
        List<Expect> cases = List.of(
                new Expect(404, admin.get("/no/such/resource")),
                new Expect(405, admin.delete("/system/dns")),
                new Expect(415, admin.send("PUT", "/system/dns", "text/plain", "hostName=x")),
                new Expect(415, admin.send("PUT", "/system/dns", "application/x-www-form-urlencoded", "hostName=x")),
                new Expect(404, admin.get(ACCOUNTS + "/987654")),
                new Expect(404, admin.get(ACCOUNTS + "/not-a-number")));
        for (Expect c : cases) {
            ApiClient.Answer a = c.answer();
            a.assertError(c.status());
            assertFalse(a.body().contains("RESTEASY") || a.body().contains("Exception") || a.body().contains("org."),
                    "no framework internals: " + a);
        }
        String allow = cases.get(1).answer().allow();
        assertTrue(allow != null && allow.contains("PUT") && allow.contains("GET"), "405 lists what is allowed: " + allow);
    }

    @Test
    @Order(7)
    void statusHasItsOwnShapeWithoutDuplicateKeys() {
        ApiClient.Answer answer = admin.get("/status/turn");
        assertEquals(200, answer.status(), answer.toString());
        JsonNode status = answer.json(); // strict parse: a duplicate key fails
        assertEquals("Inactive", status.path("state").asText());
        assertTrue(status.path("listening").isArray(), status.toString());
        assertFalse(status.has("getState") || status.has("listeningAddresses"), status.toString());
        assertTrue(status.path("capacity").isInt(), status.toString());
        assertTrue(admin.get("/status/turn/relays").json().isArray());
    }

    @Test
    @Order(8)
    void timeIsWritableAndValidatedLikeTheConsole() {
        admin.put("/system/time", "{\"ntpServers\":[{\"slot\":2,\"authentication\":\"SYMMETRIC_KEY\","
                + "\"address\":\"ntp.example.com\"}],\"timeZone\":\"Mars/Olympus\"}")
                .assertError(400, "timeZone", "ntpServer2KeyId", "ntpServer2HashMethod", "ntpServer2PassPhrase");
        admin.put("/system/time", "{\"ntpServers\":[{\"slot\":9}]}").assertError(400, "ntpServers");
        admin.put("/system/time", "{\"ntpServers\":[{\"slot\":1,\"colour\":1,\"keyId\":\"7\"}]}")
                .assertError(400, "ntpServer1Colour", "ntpServer1KeyId");
        admin.put("/system/time", "{\"ntpServers\":[{\"slot\":1,\"keyId\":70000}]}").assertError(400, "ntpServer1KeyId");
        JsonNode saved = admin.put("/system/time", "{\"timeZone\":\"Europe/Oslo\",\"ntpServers\":[{\"slot\":2,"
                + "\"address\":\"ntp.example.com\",\"authentication\":\"SYMMETRIC_KEY\",\"keyId\":7,"
                + "\"hashMethod\":\"SHA1\",\"passPhrase\":\"Ntp-phrase-1\"}]}").json();
        assertEquals("Europe/Oslo", saved.path("timeZone").asText());
        JsonNode slot2 = saved.path("ntpServers").get(1);
        assertEquals(2, slot2.path("slot").asInt());
        assertEquals(7, slot2.path("keyId").asInt());
        assertEquals("SHA1", slot2.path("hashMethod").asText());
        assertTrue(slot2.path("passPhraseSet").asBoolean());
        assertFalse(slot2.has("passPhrase"), slot2.toString());
        assertEquals("DISABLED", saved.path("ntpServers").get(0).path("authentication").asText());
    }

    @Test
    @Order(9)
    void administratorAccountsFollowTheConsoleRules() {
        admin.post(ACCOUNTS, "{\"name\":\"" + VIEWER + "\",\"accessLevel\":\"READ_ONLY\",\"password\":\"short\"}")
                .assertError(400, "password");
        admin.post(ACCOUNTS, "{\"name\":\"" + VIEWER + "\",\"accessLevel\":\"GOD\",\"password\":\"" + VIEWER_PASSWORD
                + "\",\"enabled\":\"yes\"}").assertError(400, "accessLevel", "enabled");
        ApiClient.Answer created = admin.post(ACCOUNTS, "{\"name\":\"" + VIEWER + "\",\"accessLevel\":\"READ_ONLY\","
                + "\"password\":\"" + VIEWER_PASSWORD + "\"}");
        assertEquals(201, created.status(), created.toString());
        JsonNode viewer = created.json();
        assertEquals(VIEWER, viewer.path("name").asText());
        assertEquals("READ_ONLY", viewer.path("accessLevel").asText());
        assertTrue(viewer.path("enabled").asBoolean());
        assertFalse(viewer.has("password") || viewer.has("passwordHash"), viewer.toString());
        long viewerId = viewer.path("id").asLong();
        admin.post(ACCOUNTS, "{\"name\":\"" + VIEWER + "\",\"password\":\"" + VIEWER_PASSWORD + "\"}")
                .assertError(400, "name");

        ApiClient asViewer = ApiClient.as(node, VIEWER, VIEWER_PASSWORD);
        assertEquals(2, asViewer.get(ACCOUNTS).json().size());
        asViewer.put("/system/dns", "{\"hostName\":\"viewer\"}").assertError(403);
        asViewer.put(ACCOUNTS + "/" + viewerId, "{\"accessLevel\":\"READ_WRITE\"}").assertError(403);
        assertEquals("READ_ONLY", admin.get(ACCOUNTS + "/" + viewerId).json().path("accessLevel").asText());

        long adminId = findId(admin.get(ACCOUNTS).json(), "admin");
        admin.put(ACCOUNTS + "/" + adminId, "{\"accessLevel\":\"READ_ONLY\"}").assertError(400, "accessLevel");
        admin.delete(ACCOUNTS + "/" + adminId).assertError(400, "accounts");
        JsonNode renamed = admin.put(ACCOUNTS + "/" + viewerId, "{\"enabled\":false}").json();
        assertFalse(renamed.path("enabled").asBoolean());
        assertEquals("READ_ONLY", renamed.path("accessLevel").asText(), "a PUT keeps what it does not name");

        assertEquals(204, admin.delete(ACCOUNTS + "/" + viewerId).status());
        admin.get(ACCOUNTS + "/" + viewerId).assertError(404);
        assertEquals(1, admin.get(ACCOUNTS).json().size());
    }

    @Test
    @Order(10)
    void theConfigurationLogAndAlarmsAreReachable() {
        JsonNode log = admin.get("/status/logs/configuration?size=50").json();
        JsonNode hostName = null;
        JsonNode passPhrase = null;
        for (JsonNode line : log) {
            String setting = line.path("setting").asText();
            if (hostName == null && setting.equals("System > DNS: System host name")) {
                hostName = line;
            }
            if (passPhrase == null && setting.equals("System > Time: NTP server 2 pass phrase")) {
                passPhrase = line;
            }
        }
        assertTrue(hostName != null && passPhrase != null, "both changes logged: " + log);
        assertEquals("edge1", hostName.path("newValue").asText());
        assertEquals("api", hostName.path("source").asText());
        assertEquals("admin", hostName.path("changedBy").asText());
        assertEquals("********", passPhrase.path("newValue").asText());
        admin.get("/status/logs/configuration?size=5000").assertError(400, "size");

        assertTrue(admin.get("/status/alarms").json().isArray());
        admin.post("/status/alarms/987654/acknowledge", null).assertError(404);
    }

    private static long findId(JsonNode accounts, String name) {
        for (JsonNode a : accounts) {
            if (a.path("name").asText().equals(name)) {
                return a.path("id").asLong();
            }
        }
        throw new AssertionError("no account " + name + " in " + accounts);
    }
}
