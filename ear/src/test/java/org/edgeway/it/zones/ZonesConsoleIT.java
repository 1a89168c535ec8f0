package org.edgeway.it.zones;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.edgeway.it.ApiClient;
import org.edgeway.it.Browser;
import org.edgeway.it.Console;
import org.edgeway.it.ServerNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Configuration &gt; Zones &gt; Zones and Maintenance &gt; Security &gt; Trusted CA certificate in a real browser
 * on a real Expressway-E node: the fields each zone type shows, the forced UC traversal values, 7001 then 7002 for
 * traversal server zones, bad input kept with its message, write-only passwords, zones surviving a restart, and
 * PEM uploads. Each test creates the zones it needs under its own names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ZonesConsoleIT {

    static final String PASSWORD = "Edgeway-zones-2026";
    static final String CLIENT_SECRET = "Client-zone-secret-93";

    ServerNode node;
    Browser browser;
    ApiClient api;

    @BeforeAll
    void start() throws Exception {
        node = new ServerNode("zones-console", 90, "--role", "E").fresh().start();
        browser = new Browser();
        Console.firstLogin(browser, node, PASSWORD);
        api = ApiClient.as(node, "admin", PASSWORD);
        assertEquals(201, api.post("/configuration/authentication/local-database",
                "{\"name\":\"exampleauth\",\"password\":\"Local-secret-42\"}").status());
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (node != null) {
            node.stop();
        }
    }

    private void newZone(String type) {
        browser.open(node.baseUrl() + "/configuration/zones/zones");
        browser.click("zonesForm:new");
        browser.waitForUrlContaining("/configuration/zones/editzone");
        browser.waitForText("pageTitle", "Create zone");
        if (type != null) {
            chooseType(type);
        }
    }

    /** Selects the type and waits until the Ajax update shows that type's fields (and hides the others'). */
    private void chooseType(String label) {
        Console.select(browser, "zoneForm:type", label);
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
        switch (label) {
            case "Neighbor" -> wait.until(ExpectedConditions.and(present("zoneForm:peer1"), absent("zoneForm:username")));
            case "Traversal client" -> wait.until(ExpectedConditions.and(present("zoneForm:password"),
                    present("zoneForm:tlsVerifySubjectNameNotApplicable")));
            case "Traversal server" -> wait.until(ExpectedConditions.and(present("zoneForm:localDatabaseLink"),
                    absent("zoneForm:peer1"), ExpectedConditions.elementToBeClickable(By.id("zoneForm:transport"))));
            default -> wait.until(ExpectedConditions.and(present("zoneForm:localDatabaseLink"),
                    ExpectedConditions.not(ExpectedConditions.elementToBeClickable(By.id("zoneForm:transport")))));
        }
    }

    private static org.openqa.selenium.support.ui.ExpectedCondition<?> present(String id) {
        return ExpectedConditions.presenceOfElementLocated(By.id(id));
    }

    private static org.openqa.selenium.support.ui.ExpectedCondition<?> absent(String id) {
        return ExpectedConditions.numberOfElementsToBe(By.id(id), 0);
    }

    /** The link of a menu entry (PrimeFaces puts the id on the entry's anchor or around it). */
    private String menuHref(String id) {
        var e = browser.driver().findElement(By.cssSelector("[id$='" + id + "']"));
        String href = e.getDomAttribute("href");
        return href != null ? href : e.findElement(By.tagName("a")).getDomAttribute("href");
    }

    private void createServerZone(String name) {
        newZone("Traversal server");
        browser.type("zoneForm:name", name);
        browser.type("zoneForm:username", "exampleauth");
        browser.click("zoneForm:save");
        browser.waitForUrlContaining("/configuration/zones/zones");
        browser.waitForText("zonesForm:zones", name);
    }

    @Test
    void eachTypeShowsItsOwnFields() {
        newZone(null);
        // Neighbor (the default): peers, subject name; no credentials, no keep-alive
        assertTrue(browser.exists("zoneForm:peer1") && browser.exists("zoneForm:peer6"));
        assertTrue(browser.exists("zoneForm:tlsVerifySubjectName"));
        assertFalse(browser.exists("zoneForm:username"));
        assertFalse(browser.exists("zoneForm:keepAliveSeconds"));
        assertEquals("15", browser.value("zoneForm:hopCount"));

        chooseType("Traversal client");
        assertTrue(browser.exists("zoneForm:username") && browser.exists("zoneForm:password"));
        assertTrue(browser.exists("zoneForm:peer1") && browser.exists("zoneForm:keepAliveSeconds"));
        assertEquals("Not applicable", browser.text("zoneForm:tlsVerifySubjectNameNotApplicable"));
        assertFalse(browser.exists("zoneForm:tlsVerifySubjectName"));

        chooseType("Traversal server");
        assertTrue(browser.exists("zoneForm:username") && browser.exists("zoneForm:localDatabaseLink"));
        assertFalse(browser.exists("zoneForm:password"), "a server zone has no password (the client's is in the local database)");
        assertFalse(browser.exists("zoneForm:peer1"));
        assertTrue(browser.exists("zoneForm:tlsVerifySubjectName"));
        assertTrue(browser.find("zoneForm:localDatabaseLink").getDomAttribute("href")
                .endsWith("/configuration/authentication/local-database"));
    }

    @Test
    void unifiedCommunicationsTraversalShowsItsForcedValuesReadOnly() {
        newZone("Unified Communications traversal");
        // on E a UC traversal zone is a server
        assertFalse(browser.exists("zoneForm:peer1"));
        assertEquals("TLS", browser.find("zoneForm:transport").getDomProperty("value"));
        assertEquals("true", browser.find("zoneForm:tlsVerify").getDomProperty("value"));
        assertEquals("FORCE_ENCRYPTED", browser.find("zoneForm:mediaEncryption").getDomProperty("value"));
        for (String id : new String[] {"zoneForm:transport", "zoneForm:tlsVerify", "zoneForm:mediaEncryption"}) {
            assertFalse(browser.find(id).isEnabled(), id + " is read-only");
        }
    }

    @Test
    void onAnExpresswayCAUnifiedCommunicationsZoneIsAClient() {
        assertEquals("EXPRESSWAY_C", api.put("/system/administration", "{\"nodeRole\":\"EXPRESSWAY_C\"}").json()
                .path("nodeRole").asText());
        try {
            newZone(null);
            Console.select(browser, "zoneForm:type", "Unified Communications traversal");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(ExpectedConditions.and(
                    present("zoneForm:password"), present("zoneForm:peer1"), absent("zoneForm:localDatabaseLink")));
            assertEquals("Not applicable", browser.text("zoneForm:tlsVerifySubjectNameNotApplicable"));
            assertTrue(browser.exists("zoneForm:keepAliveSeconds"));
            assertFalse(browser.find("zoneForm:transport").isEnabled());
            assertEquals("7001", browser.value("zoneForm:port"), "a client starts at the first server port");
        } finally {
            api.put("/system/administration", "{\"nodeRole\":\"EXPRESSWAY_E\"}").json();
        }
    }

    @Test
    void serverZonesTake7001Then7002AndSurviveARestart() throws Exception {
        for (com.fasterxml.jackson.databind.JsonNode z : api.get("/configuration/zones").json()) {
            api.delete("/configuration/zones/" + z.path("id").asInt());
        }
        newZone("Traversal server");
        assertEquals("7001", browser.value("zoneForm:port"));
        createServerZone("ServerOne");
        newZone("Traversal server");
        assertEquals("7002", browser.value("zoneForm:port"));
        browser.type("zoneForm:name", "ServerTwo");
        browser.type("zoneForm:username", "exampleauth");
        browser.click("zoneForm:save");
        browser.waitForText("zonesForm:zones", "ServerTwo");
        browser.waitForText("zonesForm:zones", "SIP is not running");
        browser.open(node.baseUrl() + "/status/zones");
        browser.waitForText("breadcrumb", "Status > Zones");
        browser.waitForText("zoneStatusForm:zones", "ServerOne");
        browser.waitForText("zoneStatusForm:zones", "SIP is not running");

        node.restart();
        Console.login(browser, node, "admin", PASSWORD);
        browser.waitForUrlContaining("/status/overview");
        browser.open(node.baseUrl() + "/configuration/zones/zones");
        browser.waitForText("zonesForm:zones", "ServerOne");
        browser.waitForText("zonesForm:zones", "ServerTwo");
        // the link opens editzone?id=N with the zone's number
        int id = api.get("/configuration/zones").json().get(1).path("id").asInt();
        browser.open(node.baseUrl() + "/configuration/zones/editzone?id=" + id);
        assertEquals("ServerTwo", browser.value("zoneForm:name"));
        assertEquals("7002", browser.value("zoneForm:port"));
        browser.screenshot("zones-edit-server");
    }

    @Test
    void badInputIsKeptWithItsMessageAndNothingIsSaved() {
        int before = api.get("/configuration/zones").json().size();
        newZone("Traversal server");
        browser.type("zoneForm:name", "BadServer");
        browser.type("zoneForm:username", "nobody");
        browser.type("zoneForm:hopCount", "300");
        browser.click("zoneForm:save");
        browser.waitForText("zoneForm:hopCountMessage", "between 1 and 255");
        browser.type("zoneForm:hopCount", "15");
        browser.click("zoneForm:save");
        browser.waitForText("zoneForm:usernameMessage", "local authentication database");
        assertEquals("BadServer", browser.value("zoneForm:name"), "what was typed is kept");
        assertEquals("nobody", browser.value("zoneForm:username"));
        browser.waitForText("banner", "Not saved");

        chooseType("Neighbor");
        browser.type("zoneForm:name", "BadNeighbor");
        browser.type("zoneForm:peer1", "not a host!");
        browser.click("zoneForm:save");
        browser.waitForText("zoneForm:peer1Message", "IP address or a fully qualified host name");
        assertEquals("not a host!", browser.value("zoneForm:peer1"));
        assertEquals(before, api.get("/configuration/zones").json().size(), "nothing saved");
    }

    @Test
    void aClientZonesPasswordIsNeverShownBack() {
        newZone("Traversal client");
        browser.type("zoneForm:name", "ClientZone");
        browser.type("zoneForm:username", "edgec");
        browser.type("zoneForm:password", CLIENT_SECRET);
        browser.type("zoneForm:peer1", "e.example.com");
        browser.click("zoneForm:save");
        browser.waitForUrlContaining("/configuration/zones/zones");
        browser.waitForText("zonesForm:zones", "ClientZone");
        assertFalse(browser.driver().getPageSource().contains(CLIENT_SECRET));
        browser.driver().findElement(By.linkText("ClientZone")).click();
        browser.waitForUrlContaining("editzone?id=");
        browser.waitForText("pageTitle", "Edit zone");
        assertEquals("", browser.value("zoneForm:password"));
        browser.find("zoneForm:passwordSet");
        assertFalse(browser.driver().getPageSource().contains(CLIENT_SECRET), "the password is never in the page");
        // saving without typing it keeps it
        browser.type("zoneForm:hopCount", "70");
        browser.click("zoneForm:save");
        browser.waitForUrlContaining("/configuration/zones/zones");
        int id = Integer.parseInt(browser.driver().findElement(By.linkText("ClientZone")).getDomAttribute("href")
                .replaceAll(".*id=(\\d+).*", "$1"));
        var zone = api.get("/configuration/zones/" + id).json();
        assertEquals(70, zone.path("hopCount").asInt());
        assertTrue(zone.path("passwordSet").asBoolean());
    }

    @Test
    void deletingAZoneAsksForConfirmation() {
        createServerZone("DoomedZone");
        int row = rowOf("DoomedZone");
        browser.find("zonesForm:zones_data").findElements(By.cssSelector("tr")).get(row)
                .findElement(By.cssSelector(".ui-chkbox-box")).click();
        browser.click("zonesForm:delete");
        browser.click("zonesForm:confirmOk");
        browser.waitForText("banner", "1 zone(s) deleted");
        assertFalse(browser.text("zonesForm:zones").contains("DoomedZone"));
        assertNull(find(api.get("/configuration/zones").json(), "DoomedZone"));
    }

    @Test
    void trustedCaCertificatesAreUploadedListedAndDeleted() throws Exception {
        String pasted = TestCertificates.pem(TestCertificates.create("console-ca.example.com"));
        Path file = Files.createTempFile("edgeway-ca-", ".pem");
        try {
            Files.writeString(file, TestCertificates.pem(TestCertificates.create("file-ca.example.com")));
            browser.open(node.baseUrl() + "/maintenance/security/trusted-ca-certificate");
            browser.waitForText("breadcrumb", "Maintenance > Security > Trusted CA certificate");
            browser.type("uploadForm:pem", "-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----");
            browser.click("uploadForm:upload");
            browser.waitForText("uploadForm:pemMessage", "certificate 1 is not valid base64");
            assertEquals(0, api.get("/maintenance/trusted-ca-certificates").json().size(), "nothing stored");

            // a file chosen in the browser and a pasted certificate, in one upload
            browser.find("uploadForm:file").sendKeys(file.toString());
            browser.type("uploadForm:pem", pasted);
            browser.click("uploadForm:upload");
            browser.waitForText("banner", "Certificate(s) added");
            browser.waitForText("certificatesForm:certificates", "CN=file-ca.example.com");
            browser.waitForText("certificatesForm:certificates", "CN=console-ca.example.com");
            assertEquals(2, api.get("/maintenance/trusted-ca-certificates").json().size());
            browser.screenshot("trusted-ca-certificates");
        } finally {
            Files.deleteIfExists(file);
        }

        browser.find("certificatesForm:certificates_data").findElements(By.cssSelector("tr")).get(0)
                .findElement(By.cssSelector(".ui-chkbox-box")).click();
        browser.click("certificatesForm:delete");
        browser.click("certificatesForm:confirmOk");
        browser.waitForText("banner", "1 certificate(s) deleted");
        assertEquals(1, api.get("/maintenance/trusted-ca-certificates").json().size());
    }

    @Test
    void theMenusReachBothPages() {
        browser.open(node.baseUrl() + "/status/overview");
        browser.find("menuForm:menubar");
        assertTrue(menuHref("menuConfigurationZones").endsWith("/configuration/zones/zones"));
        assertTrue(menuHref("menuStatusZones").endsWith("/status/zones"));
        assertTrue(menuHref("menuMaintenanceTrustedCaCertificate").endsWith("/maintenance/security/trusted-ca-certificate"));
    }

    private int rowOf(String name) {
        var rows = browser.find("zonesForm:zones_data").findElements(By.cssSelector("tr"));
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).getText().contains(name)) {
                return i;
            }
        }
        throw new AssertionError(name + " not in the list");
    }

    private static com.fasterxml.jackson.databind.JsonNode find(com.fasterxml.jackson.databind.JsonNode list,
            String name) {
        for (var z : list) {
            if (z.path("name").asText().equals(name)) {
                return z;
            }
        }
        return null;
    }
}
