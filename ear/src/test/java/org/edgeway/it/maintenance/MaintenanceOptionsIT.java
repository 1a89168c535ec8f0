package org.edgeway.it.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.edgeway.it.ApiClient;
import org.edgeway.it.Browser;
import org.edgeway.it.ConsoleNode;
import org.edgeway.it.ServerNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Maintenance &gt; Option keys, Diagnostics &gt; Diagnostic logging and Restart options &gt; Shutdown on a real node:
 * option key format errors named in the API and next to the field in the console; a diagnostic log whose downloaded
 * zip holds the window's lines (a DEBUG_MARKER, a configuration change) and the server log,
 * with a configuration summary that masks secrets; Shutdown ends the server process and its launcher.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MaintenanceOptionsIT {

    static final String PASSWORD = "Edgeway-options-2026";
    static final String KEYS = "/maintenance/option-keys";
    static final String LOGGING = "/maintenance/diagnostics/diagnostic-logging";

    @RegisterExtension
    static final ConsoleNode console = new ConsoleNode("maintenance-options", 50, PASSWORD, "--role", "E");

    ServerNode node;
    ApiClient api;
    Browser browser;

    @BeforeAll
    void start() {
        node = console.node();
        browser = console.browser();
        api = console.admin();
    }

    @Test
    @Order(1)
    void optionKeysAreCheckedForTheirShape() {
        for (String bad : List.of("HSM", "116341H00-1-0A1B2C3", "116341H00-1-0A1B2C3G", "11634H00-1-0A1B2C3D",
                "116341H00--0A1B2C3D")) {
            JsonNode e = api.post(KEYS, "{\"key\":" + ApiClient.quote(bad) + "}").assertError(400, "key");
            assertTrue(e.path("fields").path("key").asText().startsWith("must look like 116341H00-1-0A1B2C3D"),
                    e.toString());
        }
        api.post(KEYS, "{}").assertError(400, "key");
        api.post(KEYS, "{\"key\":7}").assertError(400, "key");
        assertEquals(0, api.get(KEYS).expect(200).json().size(), "nothing added");

        JsonNode added = api.post(KEYS, "{\"key\":\" 116341h00-1-0a1b2c3d \"}").expect(201).json();
        assertEquals("116341H00-1-0A1B2C3D", added.path("key").asText());
        assertEquals("HSM", added.path("description").asText());
        assertEquals("Active", added.path("status").asText());
        JsonNode again = api.post(KEYS, "{\"key\":\"116341H00-1-0A1B2C3D\"}").assertError(400, "key");
        assertTrue(again.path("fields").path("key").asText().contains("already"), again.toString());
        for (JsonNode p : api.get(KEYS + "/preconditions").expect(200).json()) {
            assertTrue(p.path("met").asBoolean(), p.toString());
        }
        assertEquals(204, api.delete(KEYS + "/" + added.path("id").asLong()).status());
        assertEquals(0, api.get(KEYS).json().size());
    }

    @Test
    @Order(2)
    void theOptionKeysPageShowsTheMessageNextToTheField() {
        browser.open(node.baseUrl() + "/maintenance/option-keys");
        browser.type("addForm:key", "not-a-key");
        browser.click("addForm:add");
        browser.waitForText("addForm:keyMessage", "must look like 116341H00-1-0A1B2C3D");
        browser.type("addForm:key", "116341A00-2-DEADBEEF");
        browser.click("addForm:add");
        browser.waitForText("keysForm:keys", "116341A00-2-DEADBEEF");
        assertTrue(browser.text("keysForm:keys").contains("Advanced Networking"));
        assertTrue(browser.text("preconditions").contains("HSM"));
        assertEquals("116341A00-2-DEADBEEF", api.get(KEYS).json().get(0).path("key").asText());
    }

    @Test
    @Order(3)
    void aDiagnosticLogHoldsTheWindowAndTheServerLog() throws Exception {
        api.post("/configuration/authentication/local-database",
                "{\"name\":\"diaguser\",\"password\":\"Secret-diag-99\"}").expect(201);
        api.post(LOGGING + "/collect", null).assertError(400, "log");
        JsonNode started = api.post(LOGGING + "/start", "{\"debug\":true}").expect(200).json();
        assertEquals("LOGGING", started.path("status").asText());
        api.post(LOGGING + "/start", "{}").assertError(400, "log");
        api.post(LOGGING + "/marker", "{\"marker\":\"\"}").assertError(400, "marker");
        api.post(LOGGING + "/marker", "{\"marker\":\"before the domain\"}").expect(200);
        api.post("/configuration/domains", "{\"name\":\"window.example.com\"}").expect(201);
        api.post(LOGGING + "/collect", null).assertError(400, "log");
        assertEquals("STOPPED", api.post(LOGGING + "/stop", null).expect(200).json().path("status").asText());
        api.post("/configuration/domains", "{\"name\":\"after.example.com\"}").expect(201);

        // the state is the node's, not the page's: a fresh page shows it
        browser.open(node.baseUrl() + LOGGING);
        browser.waitForText("loggingForm:status", "STOPPED");

        JsonNode collected = api.post(LOGGING + "/collect", null).expect(200).json();
        assertTrue(collected.path("collectedBytes").asLong() > 0, collected.toString());
        Map<String, String> zip = unzip(api.download("GET", LOGGING + "/download", null));
        String window = zip.get("diagnostic.log");
        assertTrue(window.contains("DEBUG_MARKER before the domain"), window);
        assertTrue(window.contains("window.example.com"), window);
        assertFalse(window.contains("after.example.com"), "a line after Stop logging is not in the window");
        assertTrue(zip.get("server.log").contains("DEBUG_MARKER before the domain"), "the server log as well");
        assertTrue(Files.readString(node.serverLog()).contains("DEBUG_MARKER before the domain"));
        JsonNode summary = new ObjectMapper().readTree(zip.get("configuration.json"));
        assertTrue(summary.path("tables").isArray() && summary.path("tables").size() > 5, "a configuration summary");
        assertTrue(zip.get("configuration.json").contains("diaguser"));
        assertFalse(zip.get("configuration.json").contains("Secret-diag-99"), "secrets masked");
        assertFalse(zip.get("configuration.json").contains("v1:"), "not even encrypted");

        browser.open(node.baseUrl() + LOGGING);
        assertTrue(browser.find("loggingForm:download").isEnabled(), "Download log once collected");
    }

    @Test
    @Order(4)
    void aReadOnlyAccountCannotRestartOrShutDown() {
        api.post("/users/administrator-accounts",
                "{\"name\":\"viewer\",\"accessLevel\":\"READ_ONLY\",\"password\":\"Viewer-pass-2026\"}").expect(201);
        ApiClient viewer = ApiClient.as(node, "viewer", "Viewer-pass-2026");
        assertEquals(403, viewer.post("/maintenance/restart-options/shutdown", null).status());
        assertEquals(403, viewer.post("/maintenance/restart-options/restart", null).status());
        assertEquals(403, viewer.post("/maintenance/backup", "{\"passPhrase\":\"long enough phrase\"}").status());
        assertEquals(200, api.get("/maintenance/restart-options").status(), "still running");
    }

    @Test
    @Order(5)
    void shutdownFromTheConsoleEndsTheServerAndItsLauncher() throws Exception {
        long pid = node.serverPid();
        browser.open(node.baseUrl() + "/maintenance/restart-options");
        browser.click("restartForm:shutdown");
        browser.click("restartForm:confirmOk");
        ProcessHandle server = ProcessHandle.of(pid).orElseThrow();
        server.onExit().get(120, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(0, node.awaitLauncherExit(Duration.ofSeconds(60)), "edgeway.sh ends: a shutdown, not a restart");
        assertFalse(Files.exists(node.dataDir().resolve("server.pid")));
        assertTrue(Files.exists(node.dataDir().resolve("db")), "the data directory stays");
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
