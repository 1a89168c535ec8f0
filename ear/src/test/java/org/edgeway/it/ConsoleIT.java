package org.edgeway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The administrator's first hour, in a real browser against the real server: first login with the one-time
 * password, forced password change, System > DNS with validation, values kept across a server restart, a
 * read-only account refused by the page and by the server, and the configuration log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

    static final String NEW_PASSWORD = "Edgeway-admin-2026";
    static final String VIEWER = "viewer";
    static final String VIEWER_PASSWORD = "Viewer-pass-2026";

    ServerNode node;
    Browser browser;

    @BeforeAll
    void startServer() throws Exception {
        node = new ServerNode("console", 0, "--role", "E").fresh().start();
        browser = new Browser();
    }

    @AfterAll
    void stopServer() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (node != null) {
            node.stop();
        }
    }

    @Test
    @Order(1)
    void pagesNeedALogin() {
        browser.open(node.baseUrl() + "/system/dns");
        browser.waitForUrlContaining("/login");
        assertTrue(browser.exists("loginForm:username"));
    }

    @Test
    @Order(2)
    void wrongPasswordIsRefused() {
        login("admin", "not-the-password");
        browser.waitForText("loginForm:loginMessages", "Login failed");
    }

    @Test
    @Order(3)
    void firstLoginWithOneTimePasswordForcesAChange() throws Exception {
        String oneTime = node.oneTimePassword();
        login("admin", oneTime);
        browser.waitForUrlContaining("/change-password");
        assertTrue(browser.exists("changePasswordForm:forcedNote"));
        // other pages stay closed until the password is changed
        browser.open(node.baseUrl() + "/system/dns");
        browser.waitForUrlContaining("/change-password");

        browser.type("changePasswordForm:currentPassword", oneTime);
        browser.type("changePasswordForm:newPassword", "short");
        browser.type("changePasswordForm:confirmPassword", "short");
        browser.click("changePasswordForm:change");
        browser.waitForText("changePasswordForm:newPasswordMessage", "at least 10 characters");

        browser.type("changePasswordForm:currentPassword", oneTime);
        browser.type("changePasswordForm:newPassword", NEW_PASSWORD);
        browser.type("changePasswordForm:confirmPassword", NEW_PASSWORD);
        browser.click("changePasswordForm:change");
        browser.waitForUrlContaining("/status/overview");
        browser.waitForText("overviewForm:nodeRole", "Expressway-E");
        browser.waitForText("currentUser", "admin");
        browser.screenshot("overview");
    }

    @Test
    @Order(4)
    void dnsRejectsAHostNameWhereAnAddressIsRequired() throws Exception {
        browser.open(node.baseUrl() + "/system/dns");
        browser.waitForText("breadcrumb", "System > DNS");
        browser.type("dnsForm:hostName", "expe");
        browser.type("dnsForm:domainName", "example.com");
        browser.type("dnsForm:dnsServer1", "dns.example.com");
        browser.type("dnsForm:dnsServer2", "192.0.2.53");
        browser.click("dnsForm:save");
        browser.waitForText("dnsForm:dnsServer1Message", "must be an IP address");
        browser.screenshot("dns-invalid");
        // nothing was saved: a fresh view shows the stored (empty) values
        browser.open(node.baseUrl() + "/system/dns");
        assertEquals("", browser.value("dnsForm:dnsServer2"));
        assertEquals("", browser.value("dnsForm:hostName"));
    }

    @Test
    @Order(5)
    void dnsSavesValidSettings() {
        browser.open(node.baseUrl() + "/system/dns");
        browser.type("dnsForm:hostName", "expe");
        browser.type("dnsForm:domainName", "example.com");
        browser.type("dnsForm:dnsServer1", "192.0.2.53");
        browser.type("dnsForm:dnsServer2", "2001:db8::53");
        browser.click("dnsForm:save");
        browser.waitForText("banner", "Saved");
    }

    @Test
    @Order(6)
    void timeNeedsKeyFieldsForSymmetricKey() {
        browser.open(node.baseUrl() + "/system/time");
        browser.type("timeForm:ntpServer1Address", "ntp.example.com");
        Console.select(browser, "timeForm:ntpServer1Authentication", "Symmetric key");
        browser.find("timeForm:ntpServer1KeyId"); // appears only for Symmetric key
        browser.click("timeForm:save");
        browser.waitForText("timeForm:ntpServer1KeyIdMessage", "required");
        browser.type("timeForm:ntpServer1KeyId", "7");
        Console.select(browser, "timeForm:ntpServer1HashMethod", "SHA1");
        browser.type("timeForm:ntpServer1PassPhrase", "ntp-secret");
        browser.click("timeForm:save");
        browser.waitForText("banner", "Saved");
    }

    @Test
    @Order(7)
    void createsAReadOnlyAccount() {
        Console.createAccount(browser, node, VIEWER, "Read-only", VIEWER_PASSWORD);
    }

    @Test
    @Order(8)
    void settingsSurviveARestart() throws Exception {
        node.restart();
        browser.open(node.baseUrl() + "/login");
        login("admin", NEW_PASSWORD);
        browser.waitForUrlContaining("/status/overview");
        browser.open(node.baseUrl() + "/system/dns");
        assertEquals("expe", browser.value("dnsForm:hostName"));
        assertEquals("example.com", browser.value("dnsForm:domainName"));
        assertEquals("192.0.2.53", browser.value("dnsForm:dnsServer1"));
        assertEquals("2001:db8::53", browser.value("dnsForm:dnsServer2"));
        browser.open(node.baseUrl() + "/system/time");
        assertEquals("ntp.example.com", browser.value("timeForm:ntpServer1Address"));
        assertEquals("7", browser.value("timeForm:ntpServer1KeyId"));
    }

    @Test
    @Order(9)
    void configurationLogShowsWhoChangedWhat() {
        browser.open(node.baseUrl() + "/status/logs/configuration-log");
        String table = browser.text("configLogForm:configLog");
        assertTrue(table.contains("System > DNS: DNS server address 1"), table);
        assertTrue(table.contains("192.0.2.53"), table);
        assertTrue(table.contains("admin"), table);
        assertFalse(table.contains("ntp-secret"), "secrets never appear in the log");
    }

    @Test
    @Order(10)
    void readOnlyAccountCannotSave() throws Exception {
        Console.logout(browser, node);
        login(VIEWER, VIEWER_PASSWORD);
        browser.waitForUrlContaining("/status/overview");
        browser.open(node.baseUrl() + "/system/dns");
        assertTrue(browser.exists("readOnlyNote"));
        assertFalse(browser.find("dnsForm:save").isEnabled(), "Save is disabled for read-only accounts");
        browser.screenshot("dns-read-only");

        // and the server refuses the write itself
        ApiClient viewer = ApiClient.as(node, VIEWER, VIEWER_PASSWORD);
        ApiClient.Answer put = viewer.put("/system/dns", "{\"hostName\":\"hacked\",\"dnsServer1\":\"198.51.100.1\"}");
        assertTrue(put.assertError(403).path("error").asText().contains("read-only"), put.toString());
        assertEquals("expe", viewer.get("/system/dns").json().path("hostName").asText());
    }

    @Test
    @Order(11)
    void apiValidatesLikeTheConsole() throws Exception {
        ApiClient admin = ApiClient.as(node, "admin", NEW_PASSWORD);
        ApiClient.Answer bad = admin.put("/system/dns", "{\"hostName\":\"exp_e\",\"dnsServer1\":\"dns.example.com\"}");
        bad.assertError(400, "dnsServer1", "hostName");
        assertFalse(bad.body().contains("Exception"), "no stack trace or exception names: " + bad.body());
        JsonNode good = admin.put("/system/dns",
                "{\"hostName\":\"expe\",\"domainName\":\"example.com\",\"dnsServer1\":\"192.0.2.54\"}").json();
        assertEquals("192.0.2.54", good.path("dnsServer1").asText());
    }

    @Test
    @Order(12)
    void httpsAnswersWithTheSelfSignedCertificate() throws Exception {
        javax.net.ssl.SSLContext trustAll = javax.net.ssl.SSLContext.getInstance("TLS");
        java.security.cert.X509Certificate[][] seen = new java.security.cert.X509Certificate[1][];
        trustAll.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
            public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a) { }
            public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a) { seen[0] = c; }
            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        }}, null);
        HttpResponse<Void> r = HttpClient.newBuilder().sslContext(trustAll).build().send(
                HttpRequest.newBuilder(URI.create(node.httpsUrl() + "/login")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(200, r.statusCode());
        assertTrue(seen[0][0].getSubjectX500Principal().getName().contains("O=Edgeway"));
    }

    @Test
    @Order(13)
    void aMissingRecordGivesTheNotFoundPageNeverATrace() throws Exception {
        Console.login(browser, node, "admin", NEW_PASSWORD);
        browser.waitForUrlContaining("/status/overview");
        browser.open(node.baseUrl() + "/users/editadmin?id=987654");
        browser.find("notFoundPage");
        browser.open(node.baseUrl() + "/users/editadmin?id=not-a-number");
        String page = browser.driver().getPageSource();
        assertFalse(page.contains("Exception") || page.contains("at org."), "no stack trace: " + page);
    }

    private void login(String user, String password) {
        Console.login(browser, node, user, password);
    }
}
