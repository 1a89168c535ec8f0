package org.edgeway.it.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.edgeway.engine.TestPorts;
import org.edgeway.it.ApiClient;
import org.edgeway.it.Browser;
import org.edgeway.it.Console;
import org.edgeway.it.ServerNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The SIP resources of the REST API against a real node: the SIP page, domains and search rules with the
 * console's validation (4xx JSON naming the field, nothing saved), what the engine is handed (Status &gt; SIP),
 * the registrations and search history of a SIP service that does not run, and values surviving a restart.
 * Each test uses its own names; answers are parsed, never matched as text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SipApiIT {

    static final String PASSWORD = "Edgeway-sipapi-2026";
    static final String SIP = "/configuration/sip";
    static final String SIP_PAGE = "Configuration > Protocols > SIP";
    static final String DOMAINS = "/configuration/domains";
    static final String RULES = "/configuration/dial-plan/search-rules";

    ServerNode node;
    ApiClient api;

    @BeforeAll
    void start() throws Exception {
        node = new ServerNode("sip-api", 90, "--role", "E").fresh().start();
        try (Browser browser = new Browser()) {
            Console.firstLogin(browser, node, PASSWORD);
        }
        api = ApiClient.as(node, "admin", PASSWORD);
    }

    @AfterAll
    void stop() throws Exception {
        if (node != null) {
            node.stop();
        }
    }

    @Test
    void sipSettingsPutChangesOnlyWhatItNamesAndReachTheEngine() {
        int tcp = TestPorts.port();
        int tls = TestPorts.port();
        JsonNode before = api.get(SIP).json();
        JsonNode after = api.put(SIP, "{\"enabled\":true,\"tcpPort\":" + tcp + ",\"tlsPort\":" + tls
                + ",\"registrationMaximum\":600}").json();
        assertTrue(after.path("enabled").asBoolean());
        assertEquals(tcp, after.path("tcpPort").asInt());
        assertEquals(tls, after.path("tlsPort").asInt());
        assertEquals(600, after.path("registrationMaximum").asInt());
        for (String untouched : List.of("udpEnabled", "udpPort", "tcpEnabled", "tlsEnabled", "tlsHandshakeTimeout",
                "registrationMinimum", "digestAlgorithms")) {
            assertEquals(before.path(untouched), after.path(untouched), untouched);
        }
        assertEquals(after, api.get(SIP).json());

        JsonNode status = api.get("/status/sip").json();
        assertTrue(status.path("sipMode").asBoolean(), status.toString());
        assertTrue(texts(status.path("configuredListeners")).contains("TCP On " + tcp), status.toString());
        assertTrue(texts(status.path("configuredListeners")).contains("TLS On " + tls), status.toString());
    }

    @Test
    void badSipSettingsAreRefusedNamingTheFieldAndChangeNothing() {
        JsonNode before = api.get(SIP).json();
        api.put(SIP, "{\"udpPort\":80}").assertError(400, "udpPort");
        api.put(SIP, "{\"tcpEnabled\":true,\"tlsEnabled\":true,\"tcpPort\":21000,\"tlsPort\":21000}")
                .assertError(400, "tlsPort");
        api.put(SIP, "{\"registrationMinimum\":600,\"registrationMaximum\":100}").assertError(400,
                "registrationMaximum");
        api.put(SIP, "{\"udpEnabled\":true,\"udpPort\":3478}").assertError(400, "udpPort");
        api.put(SIP, "{\"enabled\":\"yes\"}").assertError(400, "enabled");
        api.put(SIP, "{\"sipPort\":5060}").assertError(400, "sipPort");
        api.put(SIP, "{\"tcpPort\":5062,").assertError(400, "body");
        assertEquals(before, api.get(SIP).json());
    }

    @Test
    void digestAlgorithmsAreAStrictChoiceLoggedAndHandedToTheEngine() {
        JsonNode md5 = api.put(SIP, "{\"digestAlgorithms\":\"MD5\"}").json();
        assertEquals("MD5", md5.path("digestAlgorithms").asText());
        assertEquals(md5, api.get(SIP).json());
        assertEquals(List.of("MD5"), texts(api.get("/status/sip").json().path("digestAlgorithms")));
        JsonNode log = api.get("/status/logs/configuration?size=50").json();
        boolean logged = false;
        for (JsonNode line : log) {
            logged |= line.path("setting").asText().equals(SIP_PAGE + ": Digest algorithms")
                    && line.path("newValue").asText().equals("MD5 only");
        }
        assertTrue(logged, log.toString());

        for (String bad : List.of("\"SHA-256\"", "\"md5\"", "\"SHA_256_AND_MD5 \"", "1", "null", "[\"MD5\"]")) {
            JsonNode refused = api.put(SIP, "{\"digestAlgorithms\":" + bad + "}").assertError(400, "digestAlgorithms");
            assertTrue(refused.path("fields").path("digestAlgorithms").asText().contains("SHA_256_AND_MD5"),
                    refused.toString());
        }
        api.put(SIP, "{\"udpPort\":5070,\"digestAlgorithms\":\"SHA1\"}").assertError(400, "digestAlgorithms");
        assertEquals(md5, api.get(SIP).json(), "refused changes saved nothing");

        JsonNode sha = api.put(SIP, "{\"digestAlgorithms\":\"SHA_256\"}").json();
        assertEquals("SHA_256", sha.path("digestAlgorithms").asText());
        assertEquals(List.of("SHA-256"), texts(api.get("/status/sip").json().path("digestAlgorithms")));
        api.put(SIP, "{\"digestAlgorithms\":\"SHA_256_AND_MD5\"}").json();
        assertEquals(List.of("SHA-256", "MD5"), texts(api.get("/status/sip").json().path("digestAlgorithms")));
    }

    @Test
    void domainsHaveTheSeedDefaultsAndFullCrud() {
        ApiClient.Answer created = api.post(DOMAINS, "{\"name\":\"Crud.Example.ORG\"}");
        assertEquals(201, created.status(), created.toString());
        JsonNode d = created.json();
        long id = d.path("id").asLong();
        assertEquals("crud.example.org", d.path("name").asText());
        assertFalse(d.path("sipRegistrations").asBoolean());
        assertTrue(d.path("sipOnUcm").asBoolean());
        assertTrue(d.path("imAndPresence").asBoolean());
        assertFalse(d.path("xmppFederation").asBoolean());

        JsonNode updated = api.put(DOMAINS + "/" + id, "{\"sipRegistrations\":true}").json();
        assertTrue(updated.path("sipRegistrations").asBoolean());
        assertTrue(updated.path("imAndPresence").asBoolean(), "fields not named are kept");
        assertTrue(ids(api.get(DOMAINS).json()).contains(id));
        assertTrue(texts(api.get("/status/sip").json().path("registrarDomains")).contains("crud.example.org"),
                "the registrar acts for the domain");

        api.post(DOMAINS, "{\"name\":\"crud.example.org\"}").assertError(400, "name");
        api.post(DOMAINS, "{\"name\":\"under_score..example\"}").assertError(400, "name");
        api.post(DOMAINS, "{}").assertError(400, "name");
        api.post(DOMAINS, "{\"name\":\"x.example.org\",\"deployment\":\"Default\"}").assertError(400, "deployment");
        api.put(DOMAINS + "/" + id, "{\"xmppFederation\":1}").assertError(400, "xmppFederation");
        assertEquals(updated, api.get(DOMAINS + "/" + id).json(), "refused changes saved nothing");

        JsonNode log = api.get("/status/logs/configuration?size=50").json();
        assertTrue(settings(log).contains("Configuration > Domains > crud.example.org: SIP registrations and "
                + "provisioning on Expressway"), log.toString());

        assertEquals(204, api.delete(DOMAINS + "/" + id).status());
        api.get(DOMAINS + "/" + id).assertError(404);
        api.delete(DOMAINS + "/" + id).assertError(404);
        assertFalse(texts(api.get("/status/sip").json().path("registrarDomains")).contains("crud.example.org"));
    }

    @Test
    void noMoreThan75Domains() {
        int existing = api.get(DOMAINS).json().size();
        List<Long> created = new ArrayList<>();
        for (int i = existing; i < 75; i++) {
            ApiClient.Answer a = api.post(DOMAINS, "{\"name\":\"d" + i + ".limit.example\"}");
            assertEquals(201, a.status(), a.toString());
            created.add(a.json().path("id").asLong());
        }
        JsonNode refused = api.post(DOMAINS, "{\"name\":\"one-too-many.limit.example\"}").assertError(400, "name");
        assertTrue(refused.path("fields").path("name").asText().contains("75"), refused.toString());
        assertEquals(75, api.get(DOMAINS).json().size());
        for (long id : created) {
            assertEquals(204, api.delete(DOMAINS + "/" + id).status());
        }
    }

    @Test
    void searchRulesAreValidatedOrderedAndHandedToTheEngine() {
        JsonNode late = created(api.post(RULES, "{\"name\":\"api-late\",\"priority\":300,\"mode\":\"ANY_ALIAS\","
                + "\"targetZone\":\"DefaultZone\"}"));
        JsonNode early = created(api.post(RULES, "{\"name\":\"api-early\",\"description\":\"digits\",\"priority\":20,"
                + "\"protocol\":\"SIP\",\"sourceZone\":\"DefaultZone\",\"requireAuthenticated\":true,"
                + "\"patternType\":\"REGEX\",\"pattern\":\"(\\\\d+)@example\\\\.com\",\"behavior\":\"REPLACE\","
                + "\"replaceString\":\"\\\\1@local\",\"onMatch\":\"STOP\",\"targetZone\":\"LocalZone\"}"));
        assertEquals("ALIAS_PATTERN_MATCH", early.path("mode").asText(), "the page's default mode");
        assertEquals("(\\d+)@example\\.com", early.path("pattern").asText());
        assertEquals("\\1@local", early.path("replaceString").asText());
        assertEquals("SIP", early.path("protocol").asText());
        assertTrue(late.path("sourceZone").isNull(), "no source is Any: " + late);
        assertTrue(late.path("enabled").asBoolean());

        List<String> order = new ArrayList<>();
        api.get(RULES).json().forEach(r -> order.add(r.path("name").asText()));
        assertTrue(order.indexOf("api-early") < order.indexOf("api-late"), order.toString());
        List<String> engine = texts(api.get("/status/sip").json().path("searchRules"));
        assertTrue(engine.indexOf("api-early") >= 0 && engine.indexOf("api-early") < engine.indexOf("api-late"),
                engine.toString());

        api.post(RULES, "{\"name\":\"bad-regex\",\"patternType\":\"REGEX\",\"pattern\":\"(unclosed\"}")
                .assertError(400, "pattern");
        api.post(RULES, "{\"name\":\"no-pattern\"}").assertError(400, "pattern");
        api.post(RULES, "{\"name\":\"no-replace\",\"pattern\":\"1\",\"behavior\":\"REPLACE\"}")
                .assertError(400, "replaceString");
        api.post(RULES, "{\"name\":\"nowhere\",\"mode\":\"ANY_ALIAS\",\"targetZone\":\"NoSuchZone\"}")
                .assertError(400, "targetZone");
        api.post(RULES, "{\"name\":\"from-nowhere\",\"mode\":\"ANY_ALIAS\",\"sourceZone\":\"NoSuchZone\"}")
                .assertError(400, "sourceZone");
        api.post(RULES, "{\"name\":\"prio\",\"mode\":\"ANY_ALIAS\",\"priority\":65535}").assertError(400, "priority");
        api.post(RULES, "{\"name\":\"enum\",\"mode\":\"SOMETIMES\"}").assertError(400, "mode");
        api.post(RULES, "{\"name\":\"api-late\",\"mode\":\"ANY_ALIAS\"}").assertError(400, "name");
        assertEquals(order.size(), api.get(RULES).json().size(), "refused rules are not saved");

        long id = late.path("id").asLong();
        JsonNode disabled = api.put(RULES + "/" + id, "{\"enabled\":false}").json();
        assertFalse(disabled.path("enabled").asBoolean());
        assertEquals(300, disabled.path("priority").asInt(), "fields not named are kept");
        assertEquals(204, api.delete(RULES + "/" + id).status());
        api.get(RULES + "/" + id).assertError(404);
        assertFalse(texts(api.get("/status/sip").json().path("searchRules")).contains("api-late"));
    }

    @Test
    void localDatabaseCredentialsAreHandedToSip() {
        int before = api.get("/status/sip").json().path("credentials").asInt();
        assertEquals(201, api.post("/configuration/authentication/local-database",
                "{\"name\":\"sipdevice\",\"password\":\"Device-secret-42\"}").status());
        assertEquals(before + 1, api.get("/status/sip").json().path("credentials").asInt());
    }

    @Test
    void registrationsAndSearchHistoryOfASipServiceThatDoesNotRun() {
        api.put(SIP, "{\"enabled\":false}").json();
        JsonNode status = api.get("/status/sip").json();
        assertEquals("Inactive", status.path("state").asText(), status.toString());
        assertEquals(0, status.path("registrations").asInt());
        assertTrue(api.get("/status/registrations").json().isArray());
        assertEquals(0, api.get("/status/registrations").json().size());
        assertEquals(0, api.get("/status/registrations/by-alias").json().size());
        assertEquals(0, api.get("/status/search-history").json().size());
        JsonNode refused = api.post("/status/registrations/unregister",
                "{\"addressesOfRecord\":[\"sip:alice@example.com\"]}").assertError(409);
        assertEquals("SIP is not running", refused.path("error").asText());
        api.post("/status/registrations/unregister", "{\"addressesOfRecord\":\"sip:alice@example.com\"}")
                .assertError(400, "addressesOfRecord");
    }

    @Test
    void valuesSurviveARestart() throws Exception {
        int udp = TestPorts.port();
        api.put(SIP, "{\"udpEnabled\":true,\"udpPort\":" + udp + ",\"tlsHandshakeTimeout\":15}").json();
        long domain = created(api.post(DOMAINS, "{\"name\":\"kept.example.net\",\"xmppFederation\":true}"))
                .path("id").asLong();
        long rule = created(api.post(RULES, "{\"name\":\"kept-api-rule\",\"priority\":42,\"patternType\":\"SUFFIX\","
                + "\"pattern\":\"@kept.example.net\",\"behavior\":\"STRIP\"}")).path("id").asLong();
        JsonNode sip = api.get(SIP).json();
        JsonNode domainBefore = api.get(DOMAINS + "/" + domain).json();
        JsonNode ruleBefore = api.get(RULES + "/" + rule).json();

        node.restart();

        assertEquals(sip, api.get(SIP).json());
        assertEquals(udp, api.get(SIP).json().path("udpPort").asInt());
        assertEquals(domainBefore, api.get(DOMAINS + "/" + domain).json());
        assertEquals(ruleBefore, api.get(RULES + "/" + rule).json());
        assertTrue(texts(api.get("/status/sip").json().path("configuredListeners")).contains("UDP On " + udp));
    }

    private static JsonNode created(ApiClient.Answer a) {
        assertEquals(201, a.status(), a.toString());
        return a.json();
    }

    private static List<String> texts(JsonNode array) {
        assertTrue(array.isArray(), "not an array: " + array);
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.path("id").asLong()));
        return ids;
    }

    private static List<String> settings(JsonNode log) {
        List<String> settings = new ArrayList<>();
        log.forEach(l -> settings.add(l.path("setting").asText()));
        return settings;
    }
}
