package org.edgeway.it.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.edgeway.engine.TestPorts;
import org.edgeway.it.ApiClient;
import org.edgeway.it.Browser;
import org.edgeway.it.Console;
import org.edgeway.it.ServerNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Configuration &gt; Protocols &gt; SIP, Configuration &gt; Domains, Configuration &gt; Dial plan &gt; Search rules
 * and the SIP status pages in a real browser against a real node: seed defaults, messages next to the field with
 * nothing saved, list actions, the configuration handed to the engine, and values surviving a restart.
 * <p>
 * One node serves every test; each test uses its own domain and rule names and sets the SIP values it checks, so
 * none relies on another. Only the check of a new install's defaults runs first, on the untouched node.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SipConsoleIT {

    static final String PASSWORD = "Edgeway-sip-2026";
    static final String SIP = "/configuration/protocols/sip";
    static final String DOMAINS = "/configuration/domains";
    static final String RULES = "/configuration/dial-plan/search-rules";
    static final List<String> SIP_FIELDS = List.of("enabled", "udpEnabled", "udpPort", "tcpEnabled", "tcpPort",
            "tlsEnabled", "tlsPort", "tlsHandshakeTimeout", "registrationMinimum", "registrationMaximum",
            "digestAlgorithms");

    ServerNode node;
    Browser browser;

    @BeforeAll
    void start() throws Exception {
        node = new ServerNode("sip-console", 80, "--role", "E").fresh().start();
        browser = new Browser();
        Console.firstLogin(browser, node, PASSWORD);
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

    @Test
    @Order(1)
    void theSipPageShowsTheDefaultsOfANewInstall() {
        open(SIP);
        browser.waitForText("breadcrumb", "Configuration > Protocols > SIP");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("enabled", "Off");
        expected.put("udpEnabled", "Off");
        expected.put("udpPort", "5060");
        expected.put("tcpEnabled", "On");
        expected.put("tcpPort", "5060");
        expected.put("tlsEnabled", "On");
        expected.put("tlsPort", "5061");
        expected.put("tlsHandshakeTimeout", "5");
        expected.put("registrationMinimum", "45");
        expected.put("registrationMaximum", "60");
        expected.put("digestAlgorithms", "SHA-256 and MD5");
        assertEquals(expected, sipValues());
        assertEquals(List.of("SHA-256 and MD5", "MD5 only", "SHA-256 only"), options("sipForm:digestAlgorithms"));
        assertTrue(browser.find("digestAlgorithmsHelp").getAttribute("title").contains("RFC 8760"),
                "the field has help text");
        assertEquals("Inactive", browser.text("sipForm:sipState"));
    }

    @Test
    void badSipSettingsAreShownAtTheFieldAndNothingIsSaved() {
        open(SIP);
        Map<String, String> before = sipValues();
        browser.type("sipForm:udpPort", "80");
        browser.type("sipForm:registrationMinimum", "5");
        browser.click("sipForm:save");
        browser.waitForText("sipForm:udpPortMessage", "between 1024 and 65535");
        browser.waitForText("sipForm:registrationMinimumMessage", "between 10 and 7200");

        // rules between fields are checked once every field is valid on its own
        int port = TestPorts.port();
        Console.select(browser, "sipForm:udpEnabled", "On");
        browser.type("sipForm:udpPort", "3478");
        Console.select(browser, "sipForm:tcpEnabled", "On");
        browser.type("sipForm:tcpPort", String.valueOf(port));
        Console.select(browser, "sipForm:tlsEnabled", "On");
        browser.type("sipForm:tlsPort", String.valueOf(port));
        browser.type("sipForm:registrationMinimum", "300");
        browser.type("sipForm:registrationMaximum", "100");
        browser.click("sipForm:save");
        browser.waitForText("sipForm:tlsPortMessage", "must differ from the TCP port");
        browser.waitForText("sipForm:registrationMaximumMessage", "below the registration refresh minimum");
        browser.waitForText("sipForm:udpPortMessage", "TURN requests port");
        assertTrue(browser.text("banner").contains("Not saved"), browser.text("banner"));

        open(SIP);
        assertEquals(before, sipValues(), "a refused save changes nothing");
    }

    @Test
    void savedSipSettingsAreHandedToTheEngine() {
        int udp = TestPorts.port();
        int tcp = TestPorts.port();
        int tls = TestPorts.port();
        open(SIP);
        Console.select(browser, "sipForm:enabled", "On");
        Console.select(browser, "sipForm:udpEnabled", "On");
        browser.type("sipForm:udpPort", String.valueOf(udp));
        Console.select(browser, "sipForm:tcpEnabled", "On");
        browser.type("sipForm:tcpPort", String.valueOf(tcp));
        Console.select(browser, "sipForm:tlsEnabled", "On");
        browser.type("sipForm:tlsPort", String.valueOf(tls));
        browser.type("sipForm:tlsHandshakeTimeout", "10");
        browser.type("sipForm:registrationMinimum", "60");
        browser.type("sipForm:registrationMaximum", "3600");
        Console.select(browser, "sipForm:digestAlgorithms", "MD5 only");
        browser.click("sipForm:save");
        browser.waitForText("banner", "Saved");
        assertEquals("SIP mode On; UDP On " + udp + ", TCP On " + tcp + ", TLS On " + tls + "; digest MD5",
                browser.text("sipForm:sipConfigured"));

        open(SIP);
        assertEquals(String.valueOf(tcp), browser.value("sipForm:tcpPort"));
        assertEquals("3600", browser.value("sipForm:registrationMaximum"));
        assertEquals("MD5 only", selected("sipForm:digestAlgorithms"));
        open("/status/logs/configuration-log");
        browser.waitForText("configLogForm:configLog", "Configuration > Protocols > SIP: TCP port");
        browser.waitForText("configLogForm:configLog", "Configuration > Protocols > SIP: Digest algorithms");
    }

    @Test
    void domainsAreCreatedValidatedEditedAndDeleted() {
        open(DOMAINS);
        browser.click("domainsForm:new");
        browser.waitForUrlContaining("/editdomain");
        assertEquals("Off", selected("domainForm:sipRegistrations"));
        assertEquals("On", selected("domainForm:sipOnUcm"));
        assertEquals("On", selected("domainForm:imAndPresence"));
        assertEquals("Off", selected("domainForm:xmppFederation"));
        browser.type("domainForm:name", "not a domain!");
        browser.click("domainForm:save");
        browser.waitForText("domainForm:nameMessage", "must be a domain name");

        browser.type("domainForm:name", "Edit.Example.COM");
        Console.select(browser, "domainForm:sipRegistrations", "On");
        browser.click("domainForm:save");
        browser.waitForUrlContaining(DOMAINS);
        browser.waitForText("banner", "Domain edit.example.com created");
        assertEquals("edit.example.com On On On Off", row("edit.example.com").replace(" View/Edit", ""));

        createDomain("edit.example.com", false);
        browser.waitForText("domainForm:nameMessage", "already exists");

        open(DOMAINS);
        browser.driver().findElement(By.xpath("//a[text()='edit.example.com']")).click();
        browser.waitForUrlContaining("/editdomain?id=");
        Console.select(browser, "domainForm:xmppFederation", "On");
        Console.select(browser, "domainForm:sipOnUcm", "Off");
        browser.click("domainForm:save");
        browser.waitForUrlContaining(DOMAINS);
        browser.waitForText("banner", "Saved");
        assertEquals("edit.example.com On Off On On", row("edit.example.com").replace(" View/Edit", ""));

        open("/status/logs/configuration-log");
        browser.waitForText("configLogForm:configLog", "Configuration > Domains > edit.example.com: XMPP federation");

        open(DOMAINS);
        tick("edit.example.com");
        browser.click("domainsForm:delete");
        browser.click("domainsForm:confirmOk");
        waitUntilGone("domainsForm:domains", "edit.example.com");
    }

    @Test
    void searchRulesAreListedInPriorityOrderAndCanBeDisabledAndDeleted() {
        open(RULES);
        browser.click("rulesForm:new");
        browser.waitForUrlContaining("/editsearchrule");
        assertFalse(browser.exists("ruleForm:replaceString"), "the replace string is shown only for Replace");
        Console.select(browser, "ruleForm:behavior", "Replace");
        browser.find("ruleForm:replaceString");
        assertEquals(List.of("LocalZone", "DefaultZone"), options("ruleForm:targetZone"));
        assertEquals(List.of("Any", "LocalZone", "DefaultZone"), options("ruleForm:sourceZone"));

        browser.type("ruleForm:name", "digits-to-local");
        browser.type("ruleForm:priority", "0");
        Console.select(browser, "ruleForm:patternType", "Regex");
        browser.type("ruleForm:pattern", "(\\d+@example\\.com");
        browser.click("ruleForm:save");
        browser.waitForText("ruleForm:priorityMessage", "between 1 and 65534");

        browser.type("ruleForm:priority", "200");
        browser.click("ruleForm:save");
        browser.waitForText("ruleForm:patternMessage", "not a valid regular expression");
        browser.waitForText("ruleForm:replaceStringMessage", "is required");

        browser.type("ruleForm:pattern", "(\\d+)@example\\.com");
        browser.type("ruleForm:replaceString", "\\1@local");
        Console.select(browser, "ruleForm:onMatch", "Stop");
        browser.click("ruleForm:save");
        browser.waitForUrlContaining(RULES);
        browser.waitForText("banner", "Search rule digits-to-local created");

        createRule("any-first", "50", "DefaultZone");
        browser.waitForUrlContaining(RULES);
        String table = browser.text("rulesForm:rules");
        assertTrue(table.indexOf("any-first") < table.indexOf("digits-to-local"), "priority 50 before 200: " + table);
        assertTrue(row("digits-to-local").startsWith("200 digits-to-local Any Regex: (\\d+)@example\\.com Stop LocalZone Enabled"),
                row("digits-to-local"));

        tick("digits-to-local");
        browser.click("rulesForm:disable");
        browser.waitForText("banner", "1 search rule(s) disabled");
        assertTrue(row("digits-to-local").contains("Disabled"), row("digits-to-local"));
        tick("digits-to-local");
        browser.click("rulesForm:enable");
        browser.waitForText("banner", "1 search rule(s) enabled");
        assertTrue(row("digits-to-local").contains("Enabled"), row("digits-to-local"));

        open(RULES);
        tick("any-first");
        browser.click("rulesForm:delete");
        browser.click("rulesForm:confirmOk");
        waitUntilGone("rulesForm:rules", "any-first");
        assertTrue(browser.text("rulesForm:rules").contains("digits-to-local"));
    }

    @Test
    void statusPagesShowSipInactiveAndEmpty() {
        ApiClient.as(node, "admin", PASSWORD).put("/configuration/sip", "{\"enabled\":false}").json();
        open("/status/overview");
        assertEquals("Inactive", browser.text("overviewForm:sipState"));
        assertEquals("0", browser.text("overviewForm:sipRegistrations"));
        for (String page : List.of(SIP, DOMAINS, RULES, "/status/registrations/by-device",
                "/status/registrations/by-alias", "/status/search-history")) {
            assertFalse(browser.driver().findElements(By.cssSelector("#menuForm a[href$='" + page + "']")).isEmpty(),
                    "menu entry for " + page);
        }

        open("/status/registrations/by-device");
        assertEquals("Inactive", browser.text("byDeviceForm:sipState"));
        browser.waitForText("byDeviceForm:registrations", "No registrations");
        browser.click("byDeviceForm:unregister");
        browser.click("byDeviceForm:confirmOk");
        browser.waitForText("banner", "Not un-registered: SIP is not running");

        open("/status/registrations/by-alias");
        browser.waitForText("byAliasForm:aliases", "No registrations");
        open("/status/search-history");
        assertEquals("Inactive", browser.text("historyForm:sipState"));
        browser.waitForText("historyForm:searches", "No searches");
    }

    @Test
    void valuesSurviveARestart() throws Exception {
        int tcp = TestPorts.port();
        open(SIP);
        browser.type("sipForm:tcpPort", String.valueOf(tcp));
        Console.select(browser, "sipForm:tlsEnabled", "Off");
        browser.click("sipForm:save");
        browser.waitForText("banner", "Saved");
        createDomain("restart.example.com", true);
        browser.waitForUrlContaining(DOMAINS);
        createRule("kept-rule", "77", "LocalZone");
        browser.waitForUrlContaining(RULES);

        node.restart();
        Console.login(browser, node, "admin", PASSWORD);
        browser.waitForUrlContaining("/status/overview");

        open(SIP);
        assertEquals(String.valueOf(tcp), browser.value("sipForm:tcpPort"));
        assertEquals("Off", selected("sipForm:tlsEnabled"));
        open(DOMAINS);
        assertEquals("restart.example.com On On On Off", row("restart.example.com").replace(" View/Edit", ""));
        open(RULES);
        assertTrue(row("kept-rule").startsWith("77 kept-rule"), row("kept-rule"));
        // and the engine was handed them again at start
        JsonNode sip = ApiClient.as(node, "admin", PASSWORD).get("/status/sip").json();
        assertTrue(names(sip.path("registrarDomains")).contains("restart.example.com"), sip.toString());
        assertTrue(names(sip.path("searchRules")).contains("kept-rule"), sip.toString());
        assertTrue(names(sip.path("configuredListeners")).contains("TCP On " + tcp), sip.toString());
    }

    private void open(String path) {
        browser.open(node.baseUrl() + path);
    }

    private Map<String, String> sipValues() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : SIP_FIELDS) {
            String id = "sipForm:" + field;
            values.put(field, browser.find(id).getTagName().equals("select") ? selected(id) : browser.value(id));
        }
        return values;
    }

    private String selected(String id) {
        return new Select(browser.find(id)).getFirstSelectedOption().getText();
    }

    private List<String> options(String id) {
        return new Select(browser.find(id)).getOptions().stream().map(o -> o.getText()).toList();
    }

    /** Domains &gt; New with this name; leaves the browser where the save took it. */
    private void createDomain(String name, boolean sipRegistrations) {
        open("/configuration/editdomain");
        browser.type("domainForm:name", name);
        Console.select(browser, "domainForm:sipRegistrations", sipRegistrations ? "On" : "Off");
        browser.click("domainForm:save");
    }

    /** Search rules &gt; New: an Any alias rule with this priority and target. */
    private void createRule(String name, String priority, String target) {
        open("/configuration/dial-plan/editsearchrule");
        browser.type("ruleForm:name", name);
        browser.type("ruleForm:priority", priority);
        Console.select(browser, "ruleForm:mode", "Any alias");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(d -> d.findElements(By.id("ruleForm:pattern")).isEmpty());
        Console.select(browser, "ruleForm:targetZone", target);
        browser.click("ruleForm:save");
    }

    /** The text of the table row that links to {@code name}. */
    private String row(String name) {
        return browser.driver().findElement(By.xpath("//tr[.//a[text()='" + name + "']]")).getText()
                .replaceAll("\\s+", " ").trim();
    }

    private void tick(String name) {
        browser.driver().findElement(By.xpath("//tr[.//a[text()='" + name + "']]//div[contains(@class,'ui-chkbox-box')]"))
                .click();
    }

    private void waitUntilGone(String tableId, String text) {
        // the table is replaced by the Ajax update while it is read: a stale element is read again
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> !browser.text(tableId).contains(text));
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new java.util.ArrayList<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }
}
