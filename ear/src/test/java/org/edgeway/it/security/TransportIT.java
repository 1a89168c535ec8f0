package org.edgeway.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.edgeway.it.Browser;
import org.edgeway.it.ConsoleNode;
import org.edgeway.it.ServerNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 9 finding 5: the session cookie lacked Secure and SameSite and was accepted over plain HTTP. HTTPS is
 * the console's home now; plain HTTP only redirects there.
 */
class TransportIT {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final String ADMIN_PASSWORD = "Adm1n-Transport!";

    @RegisterExtension
    static final ConsoleNode console = new ConsoleNode("transport", 50, ADMIN_PASSWORD, "--role", "E");

    /** Each test's own instance is created after the extension's beforeAll, so node and browser exist. */
    private final ServerNode node = console.node();
    private final Browser browser = console.browser();

    @Test
    void plainHttpRedirectsToHttpsAndServesNothing() throws Exception {
        RawHttp.Response page = RawHttp.send(null, node.httpUrl(), LOOPBACK, "GET", "/system/dns?x=1", Map.of(),
                null);
        assertEquals(301, page.status());
        assertEquals(node.httpsUrl() + "/system/dns?x=1", page.header("Location"));
        assertTrue(page.headers("Set-Cookie").isEmpty(), "no session over plain HTTP");

        RawHttp.Response put = RawHttp.send(null, node.httpUrl(), LOOPBACK, "PUT", "/api/v1/system/dns",
                Map.of("Content-Type", "application/json", "Cookie", "EDGEWAYSESSION=stolen"), "{}");
        assertEquals(308, put.status(), "a redirect that keeps the method; nothing handled over HTTP");
        assertEquals(node.httpsUrl() + "/api/v1/system/dns", put.header("Location"));
    }

    @Test
    void sessionCookieIsSecureHttpOnlyAndSameSiteStrict() throws Exception {
        RawHttp.Response login = RawHttp.send(node.sslContext(), node.httpsUrl(), LOOPBACK, "GET", "/login",
                Map.of(), null);
        String cookie = login.headers("Set-Cookie").stream().filter(c -> c.startsWith("EDGEWAYSESSION="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + login.headers()));
        String attributes = cookie.toLowerCase(java.util.Locale.ROOT);
        assertTrue(attributes.contains("; secure"), cookie);
        assertTrue(attributes.contains("; httponly"), cookie);
        assertTrue(attributes.contains("; samesite=strict"), cookie);
    }

    @Test
    void httpsAnswersCarryHstsCspAndNoStore() throws Exception {
        RawHttp.Response login = RawHttp.send(node.sslContext(), node.httpsUrl(), LOOPBACK, "GET", "/login",
                Map.of(), null);
        assertTrue(login.header("Strict-Transport-Security").startsWith("max-age="),
                String.valueOf(login.header("Strict-Transport-Security")));
        String csp = login.header("Content-Security-Policy");
        assertNotNull(csp);
        assertTrue(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"), csp);

        RawHttp.Response api = RawHttp.send(node.sslContext(), node.httpsUrl(), LOOPBACK, "GET",
                "/api/v1/system/dns", Map.of("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes())), null);
        assertEquals(200, api.status(), api.body());
        assertEquals("no-store", api.header("Cache-Control"));
        RawHttp.Response refused = RawHttp.send(node.sslContext(), node.httpsUrl(), LOOPBACK, "GET",
                "/api/v1/system/dns", Map.of(), null);
        assertEquals(401, refused.status());
        assertEquals("no-store", refused.header("Cache-Control"));
    }

    @Test
    void tls13AndTls12AreOfferedNothingOlder() throws Exception {
        assertEquals("TLSv1.3", handshake("TLSv1.3"));
        assertEquals("TLSv1.2", handshake("TLSv1.2"));
    }

    @Test
    void logoutIsPostOnlyAndThePagesStillWorkWithCsp() throws Exception {
        console.signInAsAdmin();
        browser.open(node.baseUrl() + "/system/dns");
        browser.find("dnsForm:hostName");
        browser.open(node.baseUrl() + "/logout"); // a GET, as a link or image elsewhere would send
        browser.open(node.baseUrl() + "/system/dns");
        assertTrue(browser.driver().getCurrentUrl().contains("/system/dns"), "GET /logout ended nothing");
        browser.type("dnsForm:hostName", "transport");
        browser.click("dnsForm:save"); // Ajax under the Content-Security-Policy
        browser.waitForText("banner", "Saved");
        browser.click("logoutLink");
        browser.waitForUrlContaining("/login");
        browser.open(node.baseUrl() + "/system/dns");
        browser.waitForUrlContaining("/login");
        assertFalse(browser.exists("dnsForm:hostName"));
    }

    private String handshake(String protocol) throws Exception {
        java.net.URI https = java.net.URI.create(node.httpsUrl());
        try (SSLSocket socket = (SSLSocket) node.sslContext().getSocketFactory()
                .createSocket(https.getHost(), https.getPort())) {
            socket.setEnabledProtocols(new String[] {protocol});
            socket.startHandshake();
            return socket.getSession().getProtocol();
        }
    }
}
