package org.edgeway.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.edgeway.engine.TestPorts;
import org.edgeway.engine.sip.Sipp;
import org.edgeway.it.ApiClient;
import org.edgeway.it.Browser;
import org.edgeway.it.Console;
import org.edgeway.it.ServerNode;
import org.edgeway.it.StunProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * System &gt; Protection &gt; Automated detection on a deployed node, with real peers from their own loopback
 * addresses and with their own account names (the test's administrator talks from 127.0.0.1 and never fails, so
 * neither its address nor its account is ever blocked): console and API brute force,
 * TURN (an independent STUN client) and SIP (SIPp) with wrong passwords get the source blocked and then refused,
 * an exempted range is never blocked, Unblock (API and page) lets the source in again, and bad settings are
 * refused naming the field.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProtectionIT {

    private static final String PASSWORD = "Adm1n-Protection!";
    private static final String TURN_USER = "turnuser";
    private static final String TURN_PASSWORD = "turn-Secret-1";
    private static final String SIP_PASSWORD = "alice-Secret-1";
    private static final String REALM = "PROTECTIT";
    /** Low, so a test needs few failures: the third failure in the window blocks ("more than" the level). */
    private static final int TRIGGER = 2;
    private static final String BASE = "/system/protection";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ServerNode node;
    private ApiClient api;
    private int turnPort;
    private int sipPort;

    @BeforeAll
    void start() throws Exception {
        node = new ServerNode("protection", 50, "--role", "E").fresh().start();
        try (Browser browser = new Browser()) {
            Console.firstLogin(browser, node, PASSWORD);
        }
        api = ApiClient.as(node, "admin", PASSWORD);
        assertTrue(api.get("/system/administration").expect(200).json().path("automatedProtection").asBoolean(),
                "the service is On on a new node");
        for (String category : List.of("admin-console-login", "api-login", "turn-auth", "sip-auth")) {
            JsonNode c = api.put(BASE + "/categories/" + category, "{\"state\":\"On\",\"triggerLevel\":" + TRIGGER
                    + ",\"detectionWindow\":300,\"blockDuration\":600}").expect(200).json();
            assertEquals("On", c.path("state").asText(), c.toString());
            assertEquals(TRIGGER, c.path("triggerLevel").asInt(), c.toString());
        }
        turnPort = TestPorts.port();
        sipPort = TestPorts.port();
        api.post("/configuration/authentication/local-database", "{\"name\":\"" + TURN_USER + "\",\"password\":"
                + ApiClient.quote(TURN_PASSWORD) + "}").expect(201);
        api.post("/configuration/authentication/local-database", "{\"name\":\"alice\",\"password\":"
                + ApiClient.quote(SIP_PASSWORD) + "}").expect(201);
        api.post("/configuration/domains", "{\"name\":\"example.com\",\"sipRegistrations\":true}").expect(201);
        api.put("/configuration/traversal/turn", "{\"enabled\":true,\"requestsPort\":" + turnPort + ",\"realm\":\""
                + REALM + "\"}").expect(200);
        // SIPp answers MD5 challenges only
        api.put("/configuration/sip", "{\"enabled\":true,\"udpEnabled\":true,\"udpPort\":" + sipPort
                + ",\"tcpPort\":" + TestPorts.port() + ",\"tlsPort\":" + TestPorts.port()
                + ",\"digestAlgorithms\":\"MD5\"}").expect(200);
        api.waitFor("/status/turn", s -> "Active".equals(s.path("state").asText()));
        api.waitFor("/status/sip", s -> "Active".equals(s.path("state").asText())
                && s.path("listening").toString().contains(":" + sipPort));
    }

    @AfterAll
    void stop() throws Exception {
        if (node != null) {
            node.stop();
        }
    }

    @Test
    void theSeedsCategoriesAndBadSettingsAreRefusedNamingTheField() throws Exception {
        JsonNode categories = api.get(BASE + "/categories").expect(200).json();
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        categories.forEach(c -> byName.put(c.path("name").asText(), c));
        assertEquals(List.of("Admin console login", "API login", "SIP authentication failure",
                "TURN authentication failure", "HTTP proxy authorization failure", "HTTP proxy protocol violation",
                "HTTP proxy resource access failure", "XMPP protocol violation"), new ArrayList<>(byName.keySet()));
        assertEquals("On", byName.get("HTTP proxy authorization failure").path("state").asText());
        assertEquals("Off", byName.get("HTTP proxy resource access failure").path("state").asText(),
                "seed: do not enable");
        assertEquals(5, byName.get("XMPP protocol violation").path("triggerLevel").asInt());
        assertEquals(600, byName.get("XMPP protocol violation").path("blockDuration").asInt());

        api.put(BASE + "/categories/xmpp-protocol", "{\"triggerLevel\":0}").assertError(400, "triggerLevel");
        api.put(BASE + "/categories/xmpp-protocol", "{\"detectionWindow\":86401}").assertError(400, "detectionWindow");
        api.put(BASE + "/categories/xmpp-protocol", "{\"blockDuration\":-5}").assertError(400, "blockDuration");
        api.put(BASE + "/categories/xmpp-protocol", "{\"state\":\"Maybe\"}").assertError(400, "state");
        api.get(BASE + "/categories/no-such").expect(404);
        assertEquals(5, api.get(BASE + "/categories/xmpp-protocol").json().path("triggerLevel").asInt(),
                "nothing saved");

        api.post(BASE + "/exemptions", "{\"address\":\"10.1.2.3\",\"prefixLength\":8,\"categories\":[\"sip-auth\"]}")
                .assertError(400, "address");
        api.post(BASE + "/exemptions", "{\"address\":\"10.0.0.0\",\"prefixLength\":33,\"categories\":[\"sip-auth\"]}")
                .assertError(400, "prefixLength");
        api.post(BASE + "/exemptions", "{\"address\":\"not-an-ip\",\"prefixLength\":8,\"categories\":[\"sip-auth\"]}")
                .assertError(400, "address");
        api.post(BASE + "/exemptions", "{\"address\":\"2001:db8::\",\"prefixLength\":32,\"categories\":[]}")
                .assertError(400, "categories");
        api.post(BASE + "/exemptions", "{\"address\":\"2001:db8::\",\"prefixLength\":32,\"categories\":[\"bogus\"]}")
                .assertError(400, "categories");
        JsonNode v6 = api.post(BASE + "/exemptions",
                "{\"address\":\"2001:db8::\",\"prefixLength\":32,\"categories\":[\"sip-auth\",\"turn-auth\"]}")
                .expect(201).json();
        assertEquals(32, v6.path("prefixLength").asInt());
        assertEquals(List.of("sip-auth", "turn-auth"), strings(v6.path("categories")));
        api.delete(BASE + "/exemptions/" + v6.path("id").asLong()).expect(204);
        api.get(BASE + "/exemptions/" + v6.path("id").asLong()).expect(404);
    }

    @Test
    void apiBruteForceGetsTheAddressBlockedRefusedAndUnblocked() throws Exception {
        InetAddress attacker = InetAddress.getByName("127.0.0.5");
        JsonNode before = find(api.get(BASE + "/status").expect(200).json(), "id", "api-login");
        for (int i = 0; i <= TRIGGER; i++) {
            assertEquals(401, api(attacker, "api-guess" + i, "wrong").status(), "failure " + (i + 1));
        }
        JsonNode block = awaitBlock("127.0.0.5", "api-login");
        RawHttp.Response refused = api(attacker, "admin", PASSWORD);
        assertEquals(403, refused.status(), "refused even with the right password");
        JsonNode body = JSON.readTree(refused.body());
        assertEquals(403, body.path("status").asInt());
        assertTrue(body.path("error").asText().contains("blocked by automated protection"), refused.body());
        assertEquals(200, api(InetAddress.getByName("127.0.0.4"), "admin", PASSWORD).status(),
                "other addresses are not blocked");

        JsonNode status = find(api.get(BASE + "/status").expect(200).json(), "id", "api-login");
        assertEquals("On", status.path("status").asText());
        assertEquals(1, status.path("currentlyBlocked").asInt(), status.toString());
        assertEquals(TRIGGER + 1, status.path("totalFailures").asLong() - before.path("totalFailures").asLong(),
                status.toString());
        assertEquals(1, status.path("totalBlocks").asLong() - before.path("totalBlocks").asLong(), status.toString());
        Instant since = Instant.parse(block.path("blockedSince").asText());
        assertEquals(Duration.ofSeconds(600), Duration.between(since, Instant.parse(block.path("expires").asText())));

        api.delete(BASE + "/blocked/" + block.path("id").asLong()).expect(204);
        assertEquals(200, api(attacker, "admin", PASSWORD).status(), "unblocked");
        assertTrue(blocked("127.0.0.5").isEmpty());
        api.delete(BASE + "/blocked/" + block.path("id").asLong()).expect(404);
    }

    @Test
    void anExemptedAddressIsNeverBlocked() throws Exception {
        JsonNode exemption = api.post(BASE + "/exemptions",
                "{\"address\":\"127.0.0.64\",\"prefixLength\":26,\"categories\":[\"api-login\"]}").expect(201).json();
        try {
            assertEquals(1, find(api.get(BASE + "/status").json(), "id", "api-login").path("exemptions").asInt());
            InetAddress exempt = InetAddress.getByName("127.0.0.70");
            for (int i = 0; i < TRIGGER + 2; i++) {
                assertEquals(401, api(exempt, "exempt-guess" + i, "wrong").status(), "failure " + (i + 1));
            }
            assertEquals(200, api(exempt, "admin", PASSWORD).status(), "not blocked");
            assertTrue(blocked("127.0.0.70").isEmpty());
        } finally {
            api.delete(BASE + "/exemptions/" + exemption.path("id").asLong()).expect(204);
        }
    }

    @Test
    void consoleBruteForceIsRefusedAndUnblockedOnTheBlockedAddressesPage() throws Exception {
        InetAddress attacker = InetAddress.getByName("127.0.0.6");
        for (int i = 0; i <= TRIGGER; i++) {
            assertTrue(consoleLogin(attacker, "console-guess" + i, "wrong").contains("Login failed"),
                    "failure " + (i + 1));
        }
        awaitBlock("127.0.0.6", "admin-console-login");
        RawHttp.Response page = get(attacker, "/login");
        assertEquals(403, page.status());
        assertTrue(page.body().contains("blocked by automated protection"), page.body());

        try (Browser browser = new Browser()) {
            Console.login(browser, node, "admin", PASSWORD);
            browser.waitForUrlContaining("/status/overview");
            browser.open(node.baseUrl() + "/system/protection/configuration");
            String row = browser.driver().findElement(By.xpath("//tr[.//a[text()='Admin console login']]")).getText();
            assertTrue(row.replaceAll("\\s+", " ").contains("Admin console login On 1"), row);

            browser.open(node.baseUrl() + "/system/protection/blocked-addresses");
            browser.waitForText("blockedForm:blocked", "127.0.0.6");
            browser.driver().findElement(By.xpath("//tr[.//span[text()='127.0.0.6']]//div[contains(@class,'ui-chkbox-box')]"))
                    .click();
            browser.click("blockedForm:unblock");
            browser.click("blockedForm:confirmOk");
            browser.waitForText("banner", "unblocked");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                    .until(d -> !d.findElement(By.id("blockedForm:blocked")).getText().contains("127.0.0.6"));
        }
        assertEquals(200, get(attacker, "/login").status(), "unblocked");
    }

    @Test
    void thePagesShowFieldErrorsNextToTheFieldAndSaveToTheConfigurationLog() throws Exception {
        try (Browser browser = new Browser()) {
            Console.login(browser, node, "admin", PASSWORD);
            browser.waitForUrlContaining("/status/overview");
            browser.open(node.baseUrl() + "/system/protection/configuration");
            browser.click("overviewForm:categories:6:edit");
            browser.waitForUrlContaining("editcategory");
            browser.type("categoryForm:triggerLevel", "0");
            browser.type("categoryForm:blockDuration", "604801");
            browser.click("categoryForm:save");
            browser.waitForText("categoryForm:triggerLevelMessage", "between 1 and 1000");
            browser.waitForText("categoryForm:blockDurationMessage", "between 1 and 604800");
            assertEquals(5, api.get(BASE + "/categories/http-proxy-resource").json().path("triggerLevel").asInt(),
                    "nothing saved");
            browser.type("categoryForm:triggerLevel", "10");
            browser.type("categoryForm:blockDuration", "900");
            browser.click("categoryForm:save");
            browser.waitForUrlContaining("/system/protection/configuration");
            browser.waitForText("banner", "Saved");
            JsonNode resource = api.get(BASE + "/categories/http-proxy-resource").json();
            assertEquals(10, resource.path("triggerLevel").asInt(), resource.toString());
            assertEquals(900, resource.path("blockDuration").asInt(), resource.toString());

            browser.open(node.baseUrl() + "/system/protection/editexemption");
            browser.type("exemptionForm:address", "192.0.2.77");
            browser.type("exemptionForm:prefixLength", "24");
            browser.driver().findElement(By.xpath("//label[normalize-space(.)='SIP authentication failure']")).click();
            browser.click("exemptionForm:save");
            browser.waitForText("exemptionForm:addressMessage", "the range starts at 192.0.2.0");
            browser.type("exemptionForm:address", "192.0.2.0");
            browser.click("exemptionForm:save");
            browser.waitForUrlContaining("/system/protection/exemptions");
            browser.waitForText("exemptionsForm:exemptions", "SIP authentication failure");
            JsonNode exemption = find(api.get(BASE + "/exemptions").json(), "address", "192.0.2.0");
            assertEquals(24, exemption.path("prefixLength").asInt());
            assertEquals(List.of("sip-auth"), strings(exemption.path("categories")));
            api.delete(BASE + "/exemptions/" + exemption.path("id").asLong()).expect(204);

            browser.open(node.baseUrl() + "/status/logs/configuration-log");
            browser.waitForText("configLogForm:configLog",
                    "Automated detection > Configuration: Category HTTP proxy resource access failure trigger level");
            browser.waitForText("configLogForm:configLog", "Automated detection > Exemptions: Exemption 192.0.2.0/24");
        }
    }

    @Test
    void blocksEndOnTheirOwnAndOutliveARestart() throws Exception {
        String category = BASE + "/categories/api-login";
        try {
            failUntilBlocked(InetAddress.getByName("127.0.0.11"), "restart");
            api.put(category, "{\"blockDuration\":3}").expect(200);
            InetAddress brief = InetAddress.getByName("127.0.0.12");
            failUntilBlocked(brief, "brief");
            assertEquals(403, api(brief, "admin", PASSWORD).status());
            api.waitFor(BASE + "/blocked", l -> !has(l, "127.0.0.12", "api-login"));
            assertEquals(200, api(brief, "admin", PASSWORD).status(), "the 3 s block ended on its own");
        } finally {
            api.put(category, "{\"blockDuration\":600}").expect(200);
        }
        node.restart();
        JsonNode block = awaitBlock("127.0.0.11", "api-login");
        assertEquals(403, api(InetAddress.getByName("127.0.0.11"), "admin", PASSWORD).status(),
                "still refused after the restart");
        api.delete(BASE + "/blocked/" + block.path("id").asLong()).expect(204);
        assertEquals(200, api(InetAddress.getByName("127.0.0.11"), "admin", PASSWORD).status());
    }

    private void failUntilBlocked(InetAddress from, String names) throws Exception {
        for (int i = 0; i <= TRIGGER; i++) {
            assertEquals(401, api(from, names + i, "wrong").status(), "failure " + (i + 1));
        }
        awaitBlock(from.getHostAddress(), "api-login");
    }

    @Test
    void turnWithAWrongPasswordGetsTheAddressBlockedAtTheListener() throws Exception {
        InetAddress attacker = InetAddress.getByName("127.0.0.9");
        try (StunProbe probe = new StunProbe(turnPort, attacker)) {
            StunProbe.Response challenge = probe.allocateWithoutCredentials();
            assertEquals(401, challenge.errorCode(), "no credentials: the usual challenge, not a failure");
            String nonce = challenge.text(StunProbe.NONCE);
            for (int i = 0; i < TRIGGER; i++) {
                assertEquals(401, probe.allocate(TURN_USER, "wrong-" + i, REALM, nonce).errorCode());
            }
            // the failure past the trigger level: answered, or already refused if a retransmission counted too
            probe.allocateOnce(TURN_USER, "wrong", REALM, nonce, 2000);
            JsonNode block = awaitBlock("127.0.0.9", "turn-auth");
            assertNull(probe.allocateOnce(null, null, null, null, 2000), "the listener drops a blocked source");
            try (StunProbe other = new StunProbe(turnPort, InetAddress.getByName("127.0.0.10"))) {
                assertEquals(401, other.allocateWithoutCredentials().errorCode(), "another source is answered");
            }
            api.delete(BASE + "/blocked/" + block.path("id").asLong()).expect(204);
            StunProbe.Response after = probe.allocateOnce(TURN_USER, TURN_PASSWORD, REALM, nonce, 5000);
            assertNotNull(after, "answered again after Unblock");
            assertTrue(after.isSuccess(), "the right password allocates: " + after.errorCode());
        }
    }

    @Test
    void sipWithAWrongPasswordGetsTheAddressBlockedAtTheListener() throws Exception {
        Assumptions.assumeTrue(Sipp.installed(), "SIPp (sip-tester) is not installed");
        try (Sipp sipp = new Sipp()) {
            for (int i = 0; i < TRIGGER; i++) {
                Sipp.Run run = register(sipp, "register-forbidden.xml", "127.0.0.7", "wrong-password");
                assertEquals(0, run.exitCode(30), run::output);
            }
            register(sipp, "register-forbidden.xml", "127.0.0.7", "wrong-password").exitCode(30);
            JsonNode block = awaitBlock("127.0.0.7", "sip-auth");
            Sipp.Run refused = register(sipp, "register.xml", "127.0.0.7", SIP_PASSWORD);
            assertNotEquals(0, refused.exitCode(30), "the listener drops a blocked source: " + refused.output());
            Sipp.Run other = register(sipp, "register.xml", "127.0.0.8", SIP_PASSWORD);
            assertEquals(0, other.exitCode(30), other::output);

            api.delete(BASE + "/blocked/" + block.path("id").asLong()).expect(204);
            Sipp.Run after = register(sipp, "register.xml", "127.0.0.7", SIP_PASSWORD);
            assertEquals(0, after.exitCode(30), after::output);
        }
    }

    private Sipp.Run register(Sipp sipp, String scenario, String from, String password) throws Exception {
        return sipp.start("127.0.0.1:" + sipPort, "-sf", sipp.scenario(scenario).toString(), "-s", "alice",
                "-i", from, "-p", String.valueOf(TestPorts.port()), "-m", "1", "-timeout", "6s", "-timeout_error",
                "-au", "alice", "-ap", password);
    }

    /** The block of {@code address} in {@code category}, once the (asynchronous) detector has made it. */
    private JsonNode awaitBlock(String address, String category) throws Exception {
        JsonNode list = api.waitFor(BASE + "/blocked", l -> has(l, address, category));
        for (JsonNode b : list) {
            if (address.equals(b.path("address").asText()) && category.equals(b.path("category").asText())) {
                return b;
            }
        }
        throw new AssertionError(list.toString());
    }

    private List<JsonNode> blocked(String address) {
        List<JsonNode> found = new ArrayList<>();
        api.get(BASE + "/blocked").expect(200).json().forEach(b -> {
            if (address.equals(b.path("address").asText())) {
                found.add(b);
            }
        });
        return found;
    }

    private static boolean has(JsonNode list, String address, String category) {
        for (JsonNode b : list) {
            if (address.equals(b.path("address").asText()) && category.equals(b.path("category").asText())) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode n : list) {
            if (value.equals(n.path(field).asText())) {
                return n;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + list);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private RawHttp.Response api(InetAddress from, String user, String password) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return RawHttp.send(node.sslContext(), node.httpsUrl(), from, "GET", "/api/v1/system/dns",
                Map.of("Authorization", "Basic " + basic, "Accept", "application/json"), null);
    }

    private RawHttp.Response get(InetAddress from, String path) throws Exception {
        return RawHttp.send(node.sslContext(), node.httpsUrl(), from, "GET", path, Map.of(), null);
    }

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern ACTION = Pattern.compile("<form id=\"loginForm\"[^>]*action=\"([^\"]+)\"");

    /** The console's login form posted as a browser would, from {@code from}; returns the page answered. */
    private String consoleLogin(InetAddress from, String user, String password) throws Exception {
        RawHttp.Response form = get(from, "/login");
        assertEquals(200, form.status(), form.body());
        Map<String, String> headers = new LinkedHashMap<>(Map.of("Content-Type", "application/x-www-form-urlencoded"));
        headers.put("Cookie", form.headers("Set-Cookie").stream().filter(c -> c.startsWith("EDGEWAYSESSION="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + form.headers())));
        Matcher state = VIEW_STATE.matcher(form.body());
        Matcher action = ACTION.matcher(form.body());
        assertTrue(state.find() && action.find(), form.body());
        String body = "loginForm=loginForm&loginForm%3Ausername=" + enc(user) + "&loginForm%3Apassword=" + enc(password)
                + "&loginForm%3Alogin=Login&jakarta.faces.ViewState=" + enc(state.group(1).replace("&#58;", ":"));
        RawHttp.Response answer = RawHttp.send(node.sslContext(), node.httpsUrl(), from, "POST",
                action.group(1).replace("&amp;", "&"), headers, body);
        assertEquals(200, answer.status(), answer.body());
        return answer.body();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
