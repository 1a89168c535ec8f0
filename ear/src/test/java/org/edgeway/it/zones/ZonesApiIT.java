package org.edgeway.it.zones;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.edgeway.it.ApiClient;
import org.edgeway.it.Browser;
import org.edgeway.it.Console;
import org.edgeway.it.ServerNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Configuration &gt; Zones &gt; Zones, Status &gt; Zones and Maintenance &gt; Security &gt; Trusted CA certificate
 * over the REST API of a real Expressway-E node: the console's rules (port 7001 then 7002, username in the local
 * database, one UC traversal zone with its forced values), write-only passwords, bad input refused naming the
 * field with nothing stored, and PEM uploads parsed all-or-nothing. Every answer is parsed as JSON.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ZonesApiIT {

    static final String PASSWORD = "Edgeway-zones-api-2026";
    static final String ZONES = "/configuration/zones";
    static final String CAS = "/maintenance/trusted-ca-certificates";
    static final String CLIENT_SECRET = "Trav-secret-7731";

    ServerNode node;
    ApiClient admin;

    @BeforeAll
    void start() throws Exception {
        node = new ServerNode("zones-api", 80, "--role", "E").fresh().start();
        try (Browser browser = new Browser()) {
            Console.firstLogin(browser, node, PASSWORD);
        }
        admin = ApiClient.as(node, "admin", PASSWORD);
        JsonNode credential = admin.post("/configuration/authentication/local-database",
                "{\"name\":\"exampleauth\",\"password\":\"Local-secret-42\"}").json();
        assertEquals("exampleauth", credential.path("name").asText());
    }

    @AfterAll
    void stop() throws Exception {
        if (node != null) {
            node.stop();
        }
    }

    private JsonNode create(String json) {
        ApiClient.Answer a = admin.post(ZONES, json);
        assertEquals(201, a.status(), a.toString());
        return a.json();
    }

    private void deleteAllZones() {
        for (JsonNode z : admin.get(ZONES).json()) {
            assertEquals(204, admin.delete(ZONES + "/" + z.path("id").asInt()).status());
        }
    }

    @Test
    void traversalServerZonesTakePort7001ThenTheNext() {
        deleteAllZones();
        JsonNode first = create("{\"name\":\"server-a\",\"type\":\"TRAVERSAL_SERVER\",\"username\":\"exampleauth\"}");
        JsonNode second = create("{\"name\":\"server-b\",\"type\":\"TRAVERSAL_SERVER\",\"username\":\"exampleauth\"}");
        assertEquals(7001, first.path("port").asInt());
        assertEquals(7002, second.path("port").asInt());
        assertEquals("TRAVERSAL_SERVER", first.path("type").asText());
        assertEquals(15, first.path("hopCount").asInt(), "the seed's default hop count");
        assertEquals(0, first.path("peers").size(), "a server zone has no peers");
        // ports are unique per traversal server zone
        admin.post(ZONES, "{\"name\":\"server-c\",\"type\":\"TRAVERSAL_SERVER\",\"username\":\"exampleauth\","
                + "\"port\":7001}").assertError(400, "port");
        JsonNode list = admin.get(ZONES).json();
        assertEquals(List.of("server-a", "server-b"), names(list));
    }

    @Test
    void aServerZonesUsernameMustBeInTheLocalDatabase() {
        int before = admin.get(ZONES).json().size();
        admin.post(ZONES, "{\"name\":\"server-x\",\"type\":\"TRAVERSAL_SERVER\",\"username\":\"nobody\"}")
                .assertError(400, "username");
        assertEquals(before, admin.get(ZONES).json().size(), "nothing stored");
    }

    @Test
    void aClientZonesPasswordIsWriteOnly() {
        JsonNode client = create("{\"name\":\"client-a\",\"type\":\"TRAVERSAL_CLIENT\",\"username\":\"edgec\","
                + "\"password\":\"" + CLIENT_SECRET + "\",\"peers\":[\"e1.example.com\",\"192.0.2.7\"],"
                + "\"keepAliveSeconds\":20}");
        int id = client.path("id").asInt();
        ApiClient.Answer got = admin.get(ZONES + "/" + id);
        JsonNode zone = got.json();
        assertTrue(zone.path("passwordSet").asBoolean());
        assertFalse(zone.has("password"), zone.toString());
        assertFalse(got.body().contains(CLIENT_SECRET), "the password is never returned");
        assertEquals(List.of("e1.example.com", "192.0.2.7"), texts(zone.path("peers")));
        assertEquals(7001, zone.path("port").asInt(), "a client starts at the first server port");
        assertEquals(20, zone.path("keepAliveSeconds").asInt());
        assertTrue(zone.path("tlsVerifySubjectName").isNull(), "not applicable on a client");

        // a PUT without a password keeps it; the configuration log shows only that it changed
        JsonNode renamed = admin.put(ZONES + "/" + id, "{\"hopCount\":70}").json();
        assertEquals(70, renamed.path("hopCount").asInt());
        assertTrue(renamed.path("passwordSet").asBoolean());
        assertEquals("client-a", renamed.path("name").asText());
        JsonNode log = admin.get("/status/logs/configuration?size=200").json();
        boolean passwordLine = false;
        boolean hopCountLine = false;
        for (JsonNode line : log) {
            assertFalse(line.toString().contains(CLIENT_SECRET), "the log never holds the password");
            if (line.path("setting").asText().equals("Configuration > Zones > Zones > client-a: Hop count")
                    && line.path("newValue").asText().equals("15")) {
                hopCountLine = true;
                assertTrue(line.path("oldValue").isNull(), "a new zone has nothing before: " + line);
            }
            if (line.path("setting").asText().equals("Configuration > Zones > Zones > client-a: Password")) {
                passwordLine = true;
                assertEquals("********", line.path("newValue").asText());
            }
        }
        assertTrue(passwordLine, "the password's creation is logged");
        assertTrue(hopCountLine, "the new zone's settings are logged");
        // a client without any password is refused
        admin.post(ZONES, "{\"name\":\"client-b\",\"type\":\"TRAVERSAL_CLIENT\",\"username\":\"edgec\","
                + "\"peers\":[\"e1.example.com\"]}").assertError(400, "password");
    }

    @Test
    void unifiedCommunicationsTraversalIsForcedAndOnlyOne() {
        JsonNode uc = create("{\"type\":\"UNIFIED_COMMUNICATIONS_TRAVERSAL\",\"name\":\"uc\","
                + "\"username\":\"exampleauth\",\"tlsVerifySubjectName\":\"c.example.com\"}");
        assertEquals("TLS", uc.path("transport").asText());
        assertTrue(uc.path("tlsVerify").asBoolean());
        assertEquals("FORCE_ENCRYPTED", uc.path("mediaEncryption").asText());
        assertTrue(uc.path("port").asInt() >= 7001, "on E a UC traversal zone is a server: " + uc);
        admin.post(ZONES, "{\"type\":\"UNIFIED_COMMUNICATIONS_TRAVERSAL\",\"name\":\"uc2\","
                + "\"username\":\"exampleauth\",\"tlsVerifySubjectName\":\"c.example.com\"}").assertError(400, "type");
        admin.put(ZONES + "/" + uc.path("id").asInt(), "{\"transport\":\"TCP\",\"mediaEncryption\":\"AUTO\"}")
                .assertError(400, "transport", "mediaEncryption");
        assertEquals("TLS", admin.get(ZONES + "/" + uc.path("id").asInt()).json().path("transport").asText());
        admin.delete(ZONES + "/" + uc.path("id").asInt());
    }

    @Test
    void theCollaborationEdgeZoneComesWithTheUnifiedCommunicationsZoneOnE() {
        String rules = "/configuration/dial-plan/search-rules";
        String fromEdge = "{\"name\":\"from-mra\",\"mode\":\"ANY_ALIAS\","
                + "\"sourceZone\":\"CollaborationEdgeZone\"}";
        assertTrue(edgeZoneStatus() == null, "no UC zone, no collaboration edge");
        admin.post(rules, fromEdge).assertError(400, "sourceZone");

        JsonNode uc = create("{\"type\":\"UNIFIED_COMMUNICATIONS_TRAVERSAL\",\"name\":\"uc-edge\","
                + "\"username\":\"exampleauth\",\"tlsVerifySubjectName\":\"c.example.com\"}");
        JsonNode edge = edgeZoneStatus();
        assertTrue(edge != null, "listed in Status > Zones once a UC zone exists");
        assertEquals("COLLABORATION_EDGE", edge.path("type").asText());
        for (JsonNode z : admin.get(ZONES).json()) {
            assertNotEquals("CollaborationEdgeZone", z.path("name").asText(), "built in: not configurable");
        }
        admin.post(ZONES, "{\"name\":\"CollaborationEdgeZone\",\"peers\":[\"a.example.com\"]}")
                .assertError(400, "name");
        ApiClient.Answer rule = admin.post(rules, fromEdge);
        assertEquals(201, rule.status(), rule.toString());
        assertEquals("CollaborationEdgeZone", rule.json().path("sourceZone").asText());

        assertEquals(204, admin.delete(rules + "/" + rule.json().path("id").asInt()).status());
        admin.delete(ZONES + "/" + uc.path("id").asInt());
        assertTrue(edgeZoneStatus() == null, "gone with the UC zone");
    }

    private JsonNode edgeZoneStatus() {
        for (JsonNode z : admin.get("/status/zones").json()) {
            if (z.path("name").asText().equals("CollaborationEdgeZone")) {
                return z;
            }
        }
        return null;
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndStoresNothing() {
        JsonNode before = admin.get(ZONES).json();
        admin.post(ZONES, "{\"name\":\"n1\",\"peers\":[\"not a host!\"]}").assertError(400, "peer1");
        admin.post(ZONES, "{\"name\":\"n1\",\"peers\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\"]}")
                .assertError(400, "peers");
        admin.post(ZONES, "{\"name\":\"n1\",\"peers\":[\"a.example.com\"],\"hopCount\":\"x\"}")
                .assertError(400, "hopCount");
        admin.post(ZONES, "{\"name\":\"n1\",\"peers\":[\"a.example.com\"],\"colour\":\"red\"}")
                .assertError(400, "colour");
        admin.post(ZONES, "{\"name\":\"n1\",\"type\":\"GATEWAY\"}").assertError(400, "type");
        admin.post(ZONES, "{\"name\":\"n1\"}").assertError(400, "peer1");
        admin.post(ZONES, "{\"name\":\"DefaultZone\",\"peers\":[\"a.example.com\"]}").assertError(400, "name");
        admin.post(ZONES, "{\"name\":\"n1\",\"peers\":[\"a.example.com\"],\"hopCount\":0}")
                .assertError(400, "hopCount");
        admin.post(ZONES, "{\"name\":\"n1\",\"type\":\"TRAVERSAL_CLIENT\",\"transport\":\"UDP\","
                + "\"username\":\"u\",\"password\":\"p\",\"peers\":[\"a.example.com\"]}").assertError(400, "transport");
        assertEquals(before, admin.get(ZONES).json());
        admin.get(ZONES + "/99999").assertError(404);
    }

    @Test
    void zoneNumbersAreNeverReused() {
        JsonNode a = create("{\"name\":\"neighbor-1\",\"peers\":[\"cucm.example.com\"],\"transport\":\"TCP\"}");
        assertEquals(5060, a.path("port").asInt(), "a TCP neighbor uses the SIP port");
        assertEquals("NEIGHBOR", a.path("type").asText());
        int id = a.path("id").asInt();
        assertEquals(204, admin.delete(ZONES + "/" + id).status());
        admin.get(ZONES + "/" + id).assertError(404);
        JsonNode b = create("{\"name\":\"neighbor-1\",\"peers\":[\"cucm.example.com\"]}");
        assertNotEquals(id, b.path("id").asInt());
        assertEquals(5061, b.path("port").asInt(), "a TLS neighbor uses the SIP TLS port");
        admin.delete(ZONES + "/" + b.path("id").asInt());
    }

    @Test
    void zoneStatusSaysSipIsNotRunning() {
        JsonNode zone = create("{\"name\":\"status-n\",\"peers\":[\"192.0.2.10\"]}");
        JsonNode status = admin.get("/status/zones").json();
        JsonNode mine = null;
        for (JsonNode z : status) {
            if (z.path("id").asInt() == zone.path("id").asInt()) {
                mine = z;
            }
        }
        assertTrue(mine != null, status.toString());
        assertEquals("status-n", mine.path("name").asText());
        assertEquals("SIP is not running", mine.path("status").asText());
        assertFalse(mine.path("reason").asText().isBlank(), mine.toString());
        admin.delete(ZONES + "/" + zone.path("id").asInt());
    }

    @Test
    void trustedCaCertificatesAreUploadedAllOrNothing() throws Exception {
        X509Certificate one = TestCertificates.create("ca-one.example.com");
        X509Certificate two = TestCertificates.create("ca-two.example.com");
        String both = TestCertificates.pem(one) + TestCertificates.pem(two);
        int before = admin.get(CAS).json().size();

        ApiClient.Answer added = admin.post(CAS, "{\"pem\":" + ApiClient.quote(both) + "}");
        assertEquals(201, added.status(), added.toString());
        JsonNode certs = added.json();
        assertEquals(2, certs.size());
        assertTrue(certs.get(0).path("subject").asText().contains("CN=ca-one.example.com"), certs.toString());
        assertTrue(certs.get(1).path("subject").asText().contains("CN=ca-two.example.com"), certs.toString());
        assertEquals(95, certs.get(0).path("fingerprint").asText().length(), "SHA-256 as colon-separated hex");
        assertEquals(before + 2, admin.get(CAS).json().size());

        // the same certificate again, a broken block, a private key, garbage: refused, nothing stored
        X509Certificate three = TestCertificates.create("ca-three.example.com");
        String good = TestCertificates.pem(three);
        for (String bad : List.of(TestCertificates.pem(one), good + "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
                good + "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", "hello", "")) {
            admin.post(CAS, "{\"pem\":" + ApiClient.quote(bad) + "}").assertError(400, "pem");
        }
        assertEquals(before + 2, admin.get(CAS).json().size());

        // a raw PEM body
        ApiClient.Answer raw = admin.send("POST", CAS, "application/x-pem-file", good);
        assertEquals(201, raw.status(), raw.toString());
        long id = raw.json().get(0).path("id").asLong();
        assertEquals(204, admin.delete(CAS + "/" + id).status());
        admin.delete(CAS + "/" + id).assertError(404);
        assertEquals(before + 2, admin.get(CAS).json().size());
    }

    private static List<String> names(JsonNode zones) {
        List<String> names = new ArrayList<>();
        zones.forEach(z -> names.add(z.path("name").asText()));
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }
}
