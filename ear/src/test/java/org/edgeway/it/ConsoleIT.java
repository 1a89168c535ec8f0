package org.edgeway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Cookie;

/**
 * The administrator's first hour, in a real browser against the real server: first login with the one-time
 * password, forced password change, System > DNS with validation, values kept across a server restart, a
 * read-only account refused by the page and by the server, and the configuration log.
 * <p>
 * One node serves every test, but each test sets up what it checks (its own account, its own saved values) and
 * signs in itself, so any test runs alone or in any order.
 */
class ConsoleIT {

    static final String PASSWORD = "Edgeway-admin-2026";

    @RegisterExtension
    static final ConsoleNode console = new ConsoleNode("console", 0, PASSWORD, "--role", "E");

    /** Each test's own instance is created after the extension's beforeAll, so the browser exists. */
    final Browser browser = console.browser();

    @Test
    void pagesNeedALogin() {
        console.signOut();
        browser.open(console.url("/system/dns"));
        browser.waitForUrlContaining("/login");
        assertTrue(browser.exists("loginForm:username"));
        assertFalse(browser.exists("dnsForm:hostName"));
    }

    @Test
    void wrongPasswordIsRefused() {
        console.signOut();
        login("admin", "not-the-password");
        browser.waitForText("loginForm:loginMessages", "Login failed");
        assertFalse(browser.driver().getCurrentUrl().contains("/status/overview"));
    }

    /** One story: it starts from a node nobody has logged in to, so it wipes the node first. */
    @Test
    void firstLoginWithOneTimePasswordForcesAChange() throws Exception {
        console.restartUntouched();
        String oneTime = console.node().oneTimePassword();
        login("admin", oneTime);
        browser.waitForUrlContaining("/change-password");
        assertTrue(browser.exists("changePasswordForm:forcedNote"));
        // other pages stay closed until the password is changed
        browser.open(console.url("/system/dns"));
        browser.waitForUrlContaining("/change-password");

        browser.type("changePasswordForm:currentPassword", oneTime);
        browser.type("changePasswordForm:newPassword", "short");
        browser.type("changePasswordForm:confirmPassword", "short");
        browser.click("changePasswordForm:change");
        browser.waitForText("changePasswordForm:newPasswordMessage", "at least 10 characters");

        browser.type("changePasswordForm:currentPassword", oneTime);
        browser.type("changePasswordForm:newPassword", PASSWORD);
        browser.type("changePasswordForm:confirmPassword", PASSWORD);
        browser.click("changePasswordForm:change");
        browser.waitForUrlContaining("/status/overview");
        browser.waitForText("overviewForm:nodeRole", "Expressway-E");
        browser.waitForText("currentUser", "admin");
        browser.screenshot("overview");
    }

    @Test
    void dnsRejectsAHostNameWhereAnAddressIsRequired() throws Exception {
        console.signInAsAdmin();
        JsonNode stored = console.admin().get("/system/dns").json();
        assertNotEquals("rejected", stored.path("hostName").asText(), "the typed values must differ from stored ones");
        assertNotEquals("192.0.2.99", stored.path("dnsServer2").asText());

        browser.open(console.url("/system/dns"));
        browser.waitForText("breadcrumb", "System > DNS");
        browser.type("dnsForm:hostName", "rejected");
        browser.type("dnsForm:domainName", "example.com");
        browser.type("dnsForm:dnsServer1", "dns.example.com");
        browser.type("dnsForm:dnsServer2", "192.0.2.99");
        browser.click("dnsForm:save");
        browser.waitForText("dnsForm:dnsServer1Message", "must be an IP address");
        browser.screenshot("dns-invalid");
        // nothing was saved: a fresh view shows the values stored before
        browser.open(console.url("/system/dns"));
        assertEquals(stored.path("hostName").asText(), browser.value("dnsForm:hostName"));
        assertEquals(stored.path("dnsServer2").asText(), browser.value("dnsForm:dnsServer2"));
    }

    @Test
    void dnsSavesValidSettings() throws Exception {
        console.signInAsAdmin();
        saveDns("expe", "example.com", "192.0.2.53", "2001:db8::53");
        JsonNode stored = console.admin().get("/system/dns").json();
        assertEquals("expe", stored.path("hostName").asText(), stored.toString());
        assertEquals("2001:db8::53", stored.path("dnsServer2").asText(), stored.toString());
    }

    @Test
    void timeNeedsKeyFieldsForSymmetricKey() throws Exception {
        console.signInAsAdmin();
        browser.open(console.url("/system/time"));
        browser.type("timeForm:ntpServer1Address", "ntp.example.com");
        Console.select(browser, "timeForm:ntpServer1Authentication", "Symmetric key");
        browser.type("timeForm:ntpServer1KeyId", ""); // appears only for Symmetric key; empty whatever was stored
        browser.click("timeForm:save");
        browser.waitForText("timeForm:ntpServer1KeyIdMessage", "required");
        browser.type("timeForm:ntpServer1KeyId", "7");
        Console.select(browser, "timeForm:ntpServer1HashMethod", "SHA1");
        browser.type("timeForm:ntpServer1PassPhrase", "ntp-secret");
        browser.click("timeForm:save");
        browser.waitForText("banner", "Saved");
    }

    @Test
    void createsAReadOnlyAccount() throws Exception {
        console.signInAsAdmin();
        Console.createAccount(browser, console.node(), "pageviewer", "Read-only", "Pageviewer-pass-2026");
        // the account the page created signs in, and the server treats it as read-only
        ApiClient created = ApiClient.as(console.node(), "pageviewer", "Pageviewer-pass-2026");
        assertEquals(200, created.get("/system/dns").status());
        created.put("/system/dns", "{\"hostName\":\"pageviewer\"}").assertError(403);
    }

    @Test
    void settingsSurviveARestart() throws Exception {
        console.signInAsAdmin();
        saveDns("restarted", "restart.example.com", "192.0.2.71", "2001:db8::71");
        saveSymmetricKeyNtp("ntp-restart.example.com", "17", "restart-secret");

        console.node().restart();
        console.signInAsAdmin();
        browser.open(console.url("/system/dns"));
        assertEquals("restarted", browser.value("dnsForm:hostName"));
        assertEquals("restart.example.com", browser.value("dnsForm:domainName"));
        assertEquals("192.0.2.71", browser.value("dnsForm:dnsServer1"));
        assertEquals("2001:db8::71", browser.value("dnsForm:dnsServer2"));
        browser.open(console.url("/system/time"));
        assertEquals("ntp-restart.example.com", browser.value("timeForm:ntpServer1Address"));
        assertEquals("17", browser.value("timeForm:ntpServer1KeyId"));
    }

    @Test
    void configurationLogShowsWhoChangedWhat() throws Exception {
        String secret = "ntp-secret-" + UUID.randomUUID();
        console.signInAsAdmin();
        saveDns("logged", "example.com", "192.0.2.81", "");
        saveSymmetricKeyNtp("ntp-log.example.com", "9", secret);

        browser.open(console.url("/status/logs/configuration-log"));
        String table = browser.text("configLogForm:configLog");
        assertTrue(table.contains("System > DNS: DNS server address 1"), table);
        assertTrue(table.contains("192.0.2.81"), table);
        assertTrue(table.contains("ntp-log.example.com"), table);
        assertTrue(table.contains("admin"), table);
        assertFalse(table.contains(secret), "secrets never appear in the log");
    }

    @Test
    void readOnlyAccountCannotSave() throws Exception {
        ApiClient admin = console.admin();
        assertEquals(201, admin.post("/users/administrator-accounts",
                "{\"name\":\"viewer\",\"accessLevel\":\"READ_ONLY\",\"password\":\"Viewer-pass-2026\"}").status());
        String hostName = admin.get("/system/dns").json().path("hostName").asText();

        console.signIn("viewer", "Viewer-pass-2026");
        browser.open(console.url("/system/dns"));
        assertTrue(browser.exists("readOnlyNote"));
        assertFalse(browser.find("dnsForm:save").isEnabled(), "Save is disabled for read-only accounts");
        browser.screenshot("dns-read-only");

        // and the server refuses the write itself
        ApiClient viewer = ApiClient.as(console.node(), "viewer", "Viewer-pass-2026");
        ApiClient.Answer put = viewer.put("/system/dns", "{\"hostName\":\"hacked\",\"dnsServer1\":\"198.51.100.1\"}");
        assertTrue(put.assertError(403).path("error").asText().contains("read-only"), put.toString());
        assertEquals(hostName, viewer.get("/system/dns").json().path("hostName").asText());
    }

    @Test
    void apiValidatesLikeTheConsole() throws Exception {
        ApiClient admin = console.admin();
        ApiClient.Answer bad = admin.put("/system/dns", "{\"hostName\":\"exp_e\",\"dnsServer1\":\"dns.example.com\"}");
        bad.assertError(400, "dnsServer1", "hostName");
        assertFalse(bad.body().contains("Exception"), "no stack trace or exception names: " + bad.body());
        JsonNode good = admin.put("/system/dns",
                "{\"hostName\":\"expe\",\"domainName\":\"example.com\",\"dnsServer1\":\"192.0.2.54\"}").json();
        assertEquals("192.0.2.54", good.path("dnsServer1").asText());
    }

    @Test
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
                HttpRequest.newBuilder(URI.create(console.node().httpsUrl() + "/login")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(200, r.statusCode());
        assertTrue(seen[0][0].getSubjectX500Principal().getName().contains("O=Edgeway"));
    }

    @Test
    void aMissingRecordGivesTheNotFoundPageNeverATrace() throws Exception {
        console.signInAsAdmin();
        browser.open(console.url("/users/editadmin?id=987654"));
        browser.find("notFoundPage");
        browser.open(console.url("/users/editadmin?id=not-a-number"));
        String page = browser.driver().getPageSource();
        assertFalse(page.contains("Exception") || page.contains("at org."), "no stack trace: " + page);
    }

    /** System > DNS filled in and saved in the page (an empty value clears the field). */
    private void saveDns(String hostName, String domainName, String dnsServer1, String dnsServer2) {
        browser.open(console.url("/system/dns"));
        browser.type("dnsForm:hostName", hostName);
        browser.type("dnsForm:domainName", domainName);
        browser.type("dnsForm:dnsServer1", dnsServer1);
        browser.type("dnsForm:dnsServer2", dnsServer2);
        browser.click("dnsForm:save");
        browser.waitForText("banner", "Saved");
    }

    /**
     * A Faces flash cookie ({@code csfcfc}) that the node cannot decode comes from a restart or from another node on
     * the same host name at another port (cookies do not keep ports apart). Mojarra 4.0.13 logs it as an error and
     * now and then fails the page with it (mojarra#5610, about 1 in 1,500 random cookies here). A suite's backup
     * test met that when it signed in to a second node. The console ignores such a cookie: it never reaches Faces,
     * which logs JSF1094 for every one it cannot decode. The console also never sets one, even for a banner that
     * crosses a redirect.
     */
    @Test
    void aFlashCookieTheNodeCannotReadNeverReachesFaces() throws Exception {
        long undecodable = logLines("JSF1094");
        console.signOut();
        browser.open(console.url("/login"));
        // the shape of a real one: 21 bytes, Base64
        browser.driver().manage().addCookie(new Cookie("csfcfc", "ZPOMnBFWG5xS8MhfBH6G3VV015yR", "/"));
        browser.open(console.url("/login"));
        login("admin", PASSWORD);
        browser.waitForUrlContaining("/status/overview");
        browser.waitForText("currentUser", "admin");
        assertEquals(undecodable, logLines("JSF1094"), "Faces saw the cookie");
        assertNull(browser.driver().manage().getCookieNamed("csfcfc"), "the browser was told to drop it");

        String name = "flash" + UUID.randomUUID().toString().substring(0, 6);
        Console.createAccount(browser, console.node(), name, "Read-only", "Flash-check-2026");
        browser.waitForText("banner", "Account " + name + " created");
        assertNull(browser.driver().manage().getCookieNamed("csfcfc"), "the banner crossed the redirect without one");
    }

    private long logLines(String containing) throws IOException {
        try (Stream<String> lines = Files.lines(console.node().serverLog(), StandardCharsets.ISO_8859_1)) {
            return lines.filter(l -> l.contains(containing)).count();
        }
    }

    /** System > Time: NTP server 1 with a symmetric key, saved in the page. */
    private void saveSymmetricKeyNtp(String address, String keyId, String passPhrase) {
        browser.open(console.url("/system/time"));
        browser.type("timeForm:ntpServer1Address", address);
        Console.select(browser, "timeForm:ntpServer1Authentication", "Symmetric key");
        browser.type("timeForm:ntpServer1KeyId", keyId);
        Console.select(browser, "timeForm:ntpServer1HashMethod", "SHA1");
        browser.type("timeForm:ntpServer1PassPhrase", passPhrase);
        browser.click("timeForm:save");
        browser.waitForText("banner", "Saved");
    }

    private void login(String user, String password) {
        Console.login(browser, console.node(), user, password);
    }
}
