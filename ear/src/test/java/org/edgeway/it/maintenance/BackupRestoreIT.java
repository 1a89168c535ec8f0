package org.edgeway.it.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.edgeway.engine.TestPorts;
import org.edgeway.it.ApiClient;
import org.edgeway.it.Browser;
import org.edgeway.it.Console;
import org.edgeway.it.ServerNode;
import org.edgeway.it.StunProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Maintenance &gt; Backup and restore between two real nodes. Node A (an Expressway-E) is configured through the API
 * (DNS host name, a domain, a zone, a search rule, TURN, a local credential, an option key) and backed up; a fresh
 * node B (an Expressway-C) refuses a wrong pass phrase, a tampered file and a newer-schema file with the reason and
 * stays unchanged; then restores it: B's configuration API answers equal A's, its configuration log says
 * "restored", the restored TURN credential authenticates a real allocation on B (its secret re-encrypted with B's key),
 * and the changed node role waits for the restart, which B then does by itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackupRestoreIT {

    static final String PASSWORD_A = "Edgeway-nodeA-2026";
    static final String PASSWORD_B = "Edgeway-nodeB-2026";
    static final String PASS_PHRASE = "correct horse battery staple";
    static final String PASS_HEADER = "Edgeway-Pass-Phrase";
    static final String TURN_USER = "backupturn";
    static final String TURN_PASSWORD = "Turn-backup-2026";
    static final String REALM = "BACKUPREALM";
    /** What a restore replaces, as the API shows it. */
    static final List<String> CONFIGURATION = List.of("/system/dns", "/system/administration",
            "/configuration/domains", "/configuration/zones", "/configuration/dial-plan/search-rules",
            "/configuration/traversal/turn", "/configuration/authentication/local-database",
            "/maintenance/option-keys", "/users/administrator-accounts");

    @TempDir
    Path work;
    ServerNode a;
    ServerNode b;
    ApiClient apiB;
    int turnPort;
    byte[] backup;
    Map<String, JsonNode> configurationOfA;

    @BeforeAll
    void start() throws Exception {
        a = new ServerNode("backup-a", 60, "--role", "E").fresh().start();
        b = new ServerNode("backup-b", 70, "--role", "C").fresh().start();
        try (Browser browser = new Browser()) {
            Console.firstLogin(browser, a, PASSWORD_A);
            Console.firstLogin(browser, b, PASSWORD_B);
        }
        apiB = ApiClient.as(b, "admin", PASSWORD_B);
        ApiClient apiA = ApiClient.as(a, "admin", PASSWORD_A);
        turnPort = TestPorts.port();
        apiA.put("/system/dns", "{\"hostName\":\"expe\",\"domainName\":\"example.com\"}").expect(200);
        apiA.post("/configuration/domains", "{\"name\":\"example.com\",\"sipRegistrations\":true}").expect(201);
        apiA.post("/configuration/authentication/local-database", "{\"name\":\"" + TURN_USER + "\",\"password\":"
                + ApiClient.quote(TURN_PASSWORD) + "}").expect(201);
        apiA.post("/configuration/zones", "{\"name\":\"InsideUas\",\"type\":\"NEIGHBOR\",\"transport\":\"UDP\","
                + "\"port\":" + TestPorts.port() + ",\"peers\":[\"127.0.0.1\"]}").expect(201);
        apiA.post("/configuration/dial-plan/search-rules", "{\"name\":\"to-inside\",\"priority\":10,"
                + "\"mode\":\"ALIAS_PATTERN_MATCH\",\"patternType\":\"SUFFIX\",\"pattern\":\"example.com\","
                + "\"behavior\":\"LEAVE\",\"onMatch\":\"STOP\",\"targetZone\":\"InsideUas\"}").expect(201);
        apiA.put("/configuration/traversal/turn", "{\"enabled\":true,\"requestsPort\":" + turnPort + ",\"realm\":\""
                + REALM + "\"}").expect(200);
        apiA.post("/maintenance/option-keys", "{\"key\":\"116341A00-1-0A1B2C3D\"}").expect(201);

        backup = apiA.download("POST", "/maintenance/backup", "{\"passPhrase\":" + ApiClient.quote(PASS_PHRASE) + "}");
        configurationOfA = configuration(apiA);
        // A's TURN listener must not hold the port B takes over with the restored configuration
        a.stop();
    }

    @AfterAll
    void stop() throws Exception {
        for (ServerNode n : new ServerNode[] {a, b}) {
            if (n != null) {
                n.stop();
            }
        }
    }

    @Test
    @Order(1)
    void theFileIsEncryptedAndSaysItsSchema() {
        String text = new String(backup, StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("EDGEWAY-CONFIGURATION-BACKUP\n"), "magic line");
        JsonNode header = header(backup);
        assertTrue(header.path("schemaVersion").asInt() >= 11, header.toString());
        assertFalse(text.contains(TURN_USER), "no configuration in clear");
        assertFalse(text.contains("example.com"), "no configuration in clear");
    }

    @Test
    @Order(2)
    void refusedFilesChangeNothing() throws Exception {
        Map<String, JsonNode> before = configuration(apiB);

        JsonNode wrong = restore(backup, "not the pass phrase").assertError(400, "passPhrase");
        assertTrue(wrong.path("fields").path("passPhrase").asText().contains("not the pass phrase"), wrong.toString());

        byte[] tampered = backup.clone();
        tampered[tampered.length - 40] ^= 0x01; // one bit of the encrypted configuration
        JsonNode altered = restore(tampered, PASS_PHRASE).assertError(400, "file");
        assertTrue(altered.path("fields").path("file").asText().contains("altered"), altered.toString());

        byte[] newer = withSchemaVersion(backup, "999");
        JsonNode future = restore(newer, PASS_PHRASE).assertError(400, "file");
        assertTrue(future.path("fields").path("file").asText().contains("newer version"), future.toString());
        assertTrue(future.path("fields").path("file").asText().contains("999"), future.toString());

        JsonNode notABackup = restore("PK\u0003\u0004 a zip".getBytes(StandardCharsets.ISO_8859_1), PASS_PHRASE)
                .assertError(400, "file");
        assertTrue(notABackup.path("fields").path("file").asText().contains("not an Edgeway configuration backup"));
        apiB.sendBytes("POST", "/maintenance/restore", "application/octet-stream", backup)
                .assertError(400, "passPhrase");
        apiB.post("/maintenance/backup", "{\"passPhrase\":\"short\"}").assertError(400, "passPhrase");

        assertEquals(before, configuration(apiB), "B unchanged");
        assertFalse(configurationLogMentions(apiB, "restored"));
    }

    @Test
    @Order(3)
    void theConsoleNamesTheFieldOfARefusal() throws Exception {
        Path file = Files.write(work.resolve("backup.ewb"), backup);
        try (Browser browser = new Browser()) {
            Console.login(browser, b, "admin", PASSWORD_B);
            browser.waitForUrlContaining("/status/overview");
            browser.open(b.baseUrl() + "/maintenance/backup-restore");
            browser.find("restoreForm:file").sendKeys(file.toString());
            browser.type("restoreForm:passPhrase", "not the pass phrase");
            browser.click("restoreForm:restore");
            browser.click("restoreForm:confirmOk");
            browser.waitForText("restoreForm:passPhraseMessage", "not the pass phrase this backup was made with");
        }
        assertFalse(configurationLogMentions(apiB, "restored"), "nothing restored");
    }

    @Test
    @Order(4)
    void bRestoredHasAsConfiguration() throws Exception {
        JsonNode result = restore(backup, PASS_PHRASE).expect(200).json();
        assertTrue(result.path("restartRequired").asBoolean(), "the node role changed from C to E");
        assertTrue(result.path("rows").asInt() > 5, result.toString());
        // administrator accounts are configuration too: B now has A's admin password
        apiB = ApiClient.as(b, "admin", PASSWORD_A);
        assertEquals(configurationOfA, configuration(apiB));
        assertTrue(configurationLogMentions(apiB, "restored"));

        apiB.waitFor("/status/turn", s -> "Active".equals(s.path("state").asText()));
        try (StunProbe probe = new StunProbe(turnPort)) {
            StunProbe.Response challenge = probe.allocateWithoutCredentials();
            assertEquals(401, challenge.errorCode());
            assertEquals(REALM, challenge.text(StunProbe.REALM));
            assertTrue(probe.allocate(TURN_USER, TURN_PASSWORD, REALM, challenge.text(StunProbe.NONCE)).isSuccess(),
                    "the restored credential authenticates on B");
        }
        JsonNode waiting = apiB.get("/maintenance/restart-options").expect(200).json().path("waitingForRestart");
        assertEquals(1, waiting.size(), waiting.toString());
        assertEquals("restart.restore", waiting.get(0).path("code").asText());
        try (Browser browser = new Browser()) {
            Console.login(browser, b, "admin", PASSWORD_A);
            browser.waitForUrlContaining("/status/overview");
            browser.waitForText("restartNote", "a restored backup changed the node role or system size");
        }
    }

    @Test
    @Order(5)
    void theRestartTheRestoreAskedForKeepsItAndClearsTheBanner() throws Exception {
        String bootTime = apiB.get("/maintenance/restart-options").json().path("bootTime").asText();
        // as restored, but for the admin's last login, which the banner check above made on B
        Map<String, JsonNode> before = configuration(apiB);
        long pid = b.serverPid();
        assertEquals(202, apiB.post("/maintenance/restart-options/restart", "{}").status());
        b.awaitRestartedFrom(pid);
        JsonNode after = apiB.get("/maintenance/restart-options").expect(200).json();
        assertNotEquals(bootTime, after.path("bootTime").asText());
        assertEquals(0, after.path("waitingForRestart").size(), after.toString());
        assertEquals(before, configuration(apiB), "the data directory kept the restored configuration");
    }

    private ApiClient.Answer restore(byte[] file, String passPhrase) {
        return apiB.sendBytes("POST", "/maintenance/restore", "application/octet-stream", file, PASS_HEADER,
                passPhrase);
    }

    private static Map<String, JsonNode> configuration(ApiClient api) {
        Map<String, JsonNode> c = new LinkedHashMap<>();
        for (String path : CONFIGURATION) {
            c.put(path, api.get(path).expect(200).json());
        }
        return c;
    }

    private static boolean configurationLogMentions(ApiClient api, String text) {
        for (JsonNode line : api.get("/status/logs/configuration?size=500").expect(200).json()) {
            if (line.path("setting").asText().startsWith("Maintenance > Backup and restore")
                    && line.path("newValue").asText().startsWith(text)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode header(byte[] file) {
        String text = new String(file, StandardCharsets.ISO_8859_1);
        String line = text.substring(text.indexOf('\n') + 1, text.indexOf('\n', text.indexOf('\n') + 1));
        return new ApiClient.Answer(200, "application/json", null, line).json();
    }

    /** The same file with its header claiming another schema version (the rest untouched). */
    private static byte[] withSchemaVersion(byte[] file, String version) {
        String text = new String(file, StandardCharsets.ISO_8859_1);
        int start = text.indexOf('\n') + 1;
        int end = text.indexOf('\n', start);
        String header = text.substring(start, end).replaceFirst("\"schemaVersion\":\"[^\"]*\"",
                "\"schemaVersion\":\"" + version + "\"");
        return (text.substring(0, start) + header + text.substring(end)).getBytes(StandardCharsets.ISO_8859_1);
    }
}
