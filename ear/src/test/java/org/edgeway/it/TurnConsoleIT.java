package org.edgeway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.edgeway.engine.TestPorts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Configuration &gt; Traversal &gt; TURN and the local database in a real browser, and the engine following them on
 * the wire: the realm in a 401, the seed's "settings apply when TURN services restarts" rule, an authenticated
 * allocation, and that relay on Status &gt; TURN relay usage.
 * <p>
 * One node serves every test, but no test relies on another: each brings TURN to the state it needs
 * ({@link #turnOn}), so one failure does not cascade. The only order kept is that the seed check runs first, on
 * the untouched node.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TurnConsoleIT {

    static final String PASSWORD = "Edgeway-turn-2026";
    static final String TURN_USER = "turnuser";
    static final String TURN_PASSWORD = "Turn-secret-42";
    static final String PAGE_USER = "pageuser";
    static final String PAGE_PASSWORD = "Page-secret-42";

    @RegisterExtension
    static final ConsoleNode console = new ConsoleNode("turn", 10, PASSWORD,
            "--role", "E", "--", "-Dedgeway.turn.tcp443-port=" + TestPorts.port());

    ServerNode node;
    Browser browser;
    int turnPort;

    @BeforeAll
    void start() throws Exception {
        node = console.node(); // the one instance exists before the extension's beforeAll ran
        browser = console.browser();
        turnPort = TestPorts.port();
        // the credential the wire tests authenticate with (creating one in the page is a test of its own)
        HttpResponse<String> created = api("POST", "/configuration/authentication/local-database",
                "{\"name\":\"" + TURN_USER + "\",\"password\":\"" + TURN_PASSWORD + "\"}");
        assertEquals(201, created.statusCode(), created.body());
    }

    /**
     * TURN Off (unless it is), then On with the test's port, this realm, a media range and loopback peers; leaves
     * the TURN page freshly loaded.
     */
    private void turnOn(String realm) {
        browser.open(node.baseUrl() + "/configuration/traversal/turn");
        if (!browser.text("turnForm:turnState").contains("Inactive")) {
            Console.select(browser, "turnForm:enabled", "Off");
            browser.click("turnForm:save");
            browser.waitForText("turnForm:turnState", "Inactive");
        }
        Console.select(browser, "turnForm:enabled", "On");
        browser.type("turnForm:requestsPort", String.valueOf(turnPort));
        browser.type("turnForm:realm", realm);
        browser.type("turnForm:mediaPortRangeStart", "47000");
        browser.type("turnForm:mediaPortRangeEnd", "47999");
        browser.type("turnForm:peerAllow", "127.0.0.0/8");
        browser.click("turnForm:save");
        browser.waitForText("turnForm:turnState", "Active");
        // a fresh page, so a test waiting for its own save's "Saved" banner does not see this one
        browser.open(node.baseUrl() + "/configuration/traversal/turn");
    }

    private HttpResponse<String> api(String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/v1" + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return node.httpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(1)
    void defaultsAreTheSeeds() {
        browser.open(node.baseUrl() + "/configuration/traversal/turn");
        browser.waitForText("breadcrumb", "Configuration > Traversal > TURN");
        assertEquals("3478", browser.value("turnForm:requestsPort"));
        assertEquals("TANDBERG", browser.value("turnForm:realm"));
        assertEquals("24000", browser.value("turnForm:mediaPortRangeStart"));
        assertEquals("29999", browser.value("turnForm:mediaPortRangeEnd"));
        assertFalse(browser.exists("turnForm:portMultiplexing"), "multiplexing is a Large-only option");
        assertFalse(browser.exists("turnForm:requestsPortRangeStart"), "the range is a Large-only option");
        browser.waitForText("turnForm:turnState", "Inactive");
    }

    @Test
    void createsALocalDatabaseCredential() {
        browser.open(node.baseUrl() + "/configuration/authentication/local-database");
        browser.click("credentialsForm:new");
        browser.waitForUrlContaining("/editcredential");
        browser.type("credentialForm:name", "bad name:x");
        browser.type("credentialForm:password", TURN_PASSWORD);
        browser.click("credentialForm:save");
        browser.waitForText("credentialForm:nameMessage", "may not contain");
        browser.type("credentialForm:name", PAGE_USER);
        browser.type("credentialForm:password", PAGE_PASSWORD);
        browser.click("credentialForm:save");
        browser.waitForUrlContaining("/local-database");
        browser.waitForText("credentialsForm:credentials", PAGE_USER);
        assertFalse(browser.driver().getPageSource().contains(PAGE_PASSWORD), "passwords are never shown back");
    }

    @Test
    void rejectsInvalidTurnSettingsAtTheField() {
        browser.open(node.baseUrl() + "/configuration/traversal/turn");
        browser.type("turnForm:requestsPort", "80");
        browser.click("turnForm:save");
        browser.waitForText("turnForm:requestsPortMessage", "between 1024 and 65535");
        // rules between fields are checked once every field is valid on its own
        browser.type("turnForm:requestsPort", "3478");
        browser.type("turnForm:mediaPortRangeEnd", "23000");
        browser.type("turnForm:peerAllow", "127.0.0.0/33");
        browser.click("turnForm:save");
        browser.waitForText("turnForm:mediaPortRangeEndMessage", "above the range start");
        browser.waitForText("turnForm:peerAllowMessage", "not an address or CIDR");
    }

    @Test
    void turningTurnOnStartsTheServerWithTheRealm() throws Exception {
        turnOn("EDGEWAYIT");
        assertTrue(browser.text("turnForm:turnListening").contains(String.valueOf(turnPort)),
                browser.text("turnForm:turnListening"));
        try (StunProbe probe = new StunProbe(turnPort)) {
            StunProbe.Response r = probe.allocateWithoutCredentials();
            assertEquals(401, r.errorCode());
            assertEquals("EDGEWAYIT", r.text(StunProbe.REALM));
        }
    }

    @Test
    void aRealmChangeWaitsForTurnServicesToRestart() throws Exception {
        turnOn("EDGEWAYIT");
        browser.type("turnForm:realm", "NEWREALM");
        browser.click("turnForm:save");
        browser.waitForText("banner", "Saved");
        assertTrue(browser.exists("turnForm:restartPending"), "the page says the change waits for a restart");
        try (StunProbe probe = new StunProbe(turnPort)) {
            assertEquals("EDGEWAYIT", probe.allocateWithoutCredentials().text(StunProbe.REALM));
        }
        // seed 003: set TURN services Off, Save, then On, Save
        Console.select(browser, "turnForm:enabled", "Off");
        browser.click("turnForm:save");
        browser.waitForText("turnForm:turnState", "Inactive");
        Console.select(browser, "turnForm:enabled", "On");
        browser.click("turnForm:save");
        browser.waitForText("turnForm:turnState", "Active");
        assertFalse(browser.exists("turnForm:restartPending"));
        try (StunProbe probe = new StunProbe(turnPort)) {
            assertEquals("NEWREALM", probe.allocateWithoutCredentials().text(StunProbe.REALM));
        }
    }

    @Test
    void anAuthenticatedAllocationShowsOnTheRelayUsagePage() throws Exception {
        turnOn("RELAYREALM");
        try (StunProbe probe = new StunProbe(turnPort)) {
            StunProbe.Response challenge = probe.allocateWithoutCredentials();
            String nonce = challenge.text(StunProbe.NONCE);
            assertNotNull(nonce);
            StunProbe.Response wrong = probe.allocate(TURN_USER, "wrong-password", "RELAYREALM", nonce);
            assertEquals(401, wrong.errorCode(), "wrong password is refused");
            StunProbe.Response ok = probe.allocate(TURN_USER, TURN_PASSWORD, "RELAYREALM", nonce);
            assertTrue(ok.isSuccess(), "allocation succeeds, error " + ok.errorCode());
            assertNotNull(ok.attributes().get(StunProbe.XOR_RELAYED_ADDRESS));

            browser.open(node.baseUrl() + "/status/turn-relay-usage");
            browser.waitForText("relaysForm:relays", TURN_USER);
            assertEquals("1", browser.text("relaysForm:activeRelays"));
            browser.screenshot("turn-relay-usage");
            browser.open(node.baseUrl() + "/configuration/traversal/turn");
            browser.waitForText("turnForm:activeRelays", "1 of 1800");
            browser.screenshot("turn");
        }
    }

    @Test
    void theApiReadsAndValidatesTurnSettings() throws Exception {
        turnOn("APIREALM");
        ApiClient admin = ApiClient.as(node, "admin", PASSWORD);
        ApiClient.Answer get = admin.get("/configuration/traversal/turn");
        assertEquals("APIREALM", get.json().path("realm").asText());
        assertFalse(get.body().contains(TURN_PASSWORD));
        ApiClient.Answer bad = admin.put("/configuration/traversal/turn",
                "{\"enabled\":true,\"portMultiplexing\":true,\"realm\":\"X\"}");
        assertTrue(bad.assertError(400, "portMultiplexing").path("fields").path("portMultiplexing").asText()
                .contains("only available on Large systems"), bad.toString());
        ApiClient.Answer status = admin.get("/status/turn");
        assertEquals("Active", status.json().path("state").asText(), status.toString());
        assertFalse(status.json().path("listening").isEmpty(), status.toString());
    }

    @Test
    void turnOverTlsUsesTheNodeCertificateAndPicksUpANewOne() throws Exception {
        int tlsPort = TestPorts.port();
        turnOn("TLSREALM");
        Console.select(browser, "turnForm:tlsEnabled", "On");
        browser.type("turnForm:tlsPort", String.valueOf(tlsPort));
        Console.select(browser, "turnForm:enabled", "Off");
        browser.click("turnForm:save");
        browser.waitForText("turnForm:turnState", "Inactive");
        Console.select(browser, "turnForm:enabled", "On");
        browser.click("turnForm:save");
        browser.waitForText("turnForm:turnState", "Active");
        browser.waitForText("turnForm:turnListening", "TLS");
        assertTrue(tlsSubject(tlsPort).contains("O=Edgeway"), "the node's own certificate");

        // a new certificate file (same keystore password) is used by new connections, no restart
        java.nio.file.Path store = node.dataDir().resolve("tls/https.p12");
        java.util.Properties p = new java.util.Properties();
        try (var in = java.nio.file.Files.newInputStream(node.dataDir().resolve("tls/https.properties"))) {
            p.load(in);
        }
        char[] password = p.getProperty("edgeway.tls.password").toCharArray();
        java.security.KeyStore next = org.edgeway.engine.tls.SelfSignedCertificate.create("renewed.example.com", password);
        java.nio.file.Path tmp = store.resolveSibling("https.p12.new");
        try (var out = java.nio.file.Files.newOutputStream(tmp)) {
            next.store(out, password);
        }
        java.nio.file.Files.move(tmp, store, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        String subject = tlsSubject(tlsPort);
        for (long deadline = System.nanoTime() + 30_000_000_000L;
                !subject.contains("renewed.example.com") && System.nanoTime() < deadline; ) {
            Thread.sleep(200); // polling the listener: the reload is seen by new connections only
            subject = tlsSubject(tlsPort);
        }
        assertTrue(subject.contains("CN=renewed.example.com"), subject);
        browser.open(node.baseUrl() + "/configuration/traversal/turn");
        browser.waitForText("turnForm:turnState", "Active");
    }

    /** Subject of the certificate the TURN TLS listener presents. */
    private static String tlsSubject(int port) throws Exception {
        javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
        ctx.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
            public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a) { }
            public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a) { }
            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        }}, null);
        try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) ctx.getSocketFactory()
                .createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.startHandshake();
            return ((java.security.cert.X509Certificate) socket.getSession().getPeerCertificates()[0])
                    .getSubjectX500Principal().getName();
        }
    }
}
