package org.edgeway.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.InetAddress;
import java.util.Map;
import org.edgeway.it.ServerNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 9 finding 1: the login filter decided on the raw URI while the server served the normalised path, so
 * {@code /api/../system/time} showed a console page without a session. Raw paths go on the wire unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PathBypassIT {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private ServerNode node;

    @BeforeAll
    void startNode() throws Exception {
        node = new ServerNode("path-bypass", 20, "--role", "E").fresh().start();
    }

    @AfterAll
    void stopNode() throws Exception {
        if (node != null) {
            node.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/api/../system/time",
        "/login/../users/administrator-accounts",
        "/error/../system/dns.xhtml",
        "/api/%2e%2e/users/administrator-accounts.xhtml",
        "/api/%2E%2E/status/logs/configuration-log.xhtml",
        "/jakarta.faces.resource/../configuration/traversal/turn.xhtml",
        "/jakarta.faces.resource/..%2fstatus/turn-relay-usage.xhtml",
        "/not-found/./../users/administrator-accounts",
        "/login;x=1/../system/dns",
        "/system/dns.xhtml;.css",
        "/api/..%5csystem/time",
        "/login/%252e%252e/system/dns",
    })
    void ambiguousPathsAreRefusedOverHttpsAndHttp(String rawPath) throws Exception {
        RawHttp.Response https = RawHttp.send(node.sslContext(), node.httpsUrl(), LOOPBACK, "GET", rawPath,
                Map.of(), null);
        assertEquals(400, https.status(), rawPath + " over HTTPS: " + https.body());
        assertFalse(https.body().contains("<form"), "no page behind " + rawPath);
        RawHttp.Response http = RawHttp.send(null, node.httpUrl(), LOOPBACK, "GET", rawPath, Map.of(), null);
        assertEquals(400, http.status(), rawPath + " over HTTP: " + http.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/system/time", "/users/administrator-accounts", "/system/dns.xhtml",
        "/status/logs/configuration-log", "/loginx", "/errorpage", "/apix/v1"})
    void consolePagesStillNeedASession(String rawPath) throws Exception {
        RawHttp.Response r = RawHttp.send(node.sslContext(), node.httpsUrl(), LOOPBACK, "GET", rawPath, Map.of(),
                null);
        assertEquals(302, r.status(), rawPath + ": " + r.body());
        assertEquals(node.httpsUrl() + "/login", r.header("Location"), rawPath);
    }

    @Test
    void exactPublicPathsAreServed() throws Exception {
        RawHttp.Response login = RawHttp.send(node.sslContext(), node.httpsUrl(), LOOPBACK, "GET", "/login",
                Map.of(), null);
        assertEquals(200, login.status());
        RawHttp.Response api = RawHttp.send(node.sslContext(), node.httpsUrl(), LOOPBACK, "GET",
                "/api/v1/system/dns", Map.of(), null);
        assertEquals(401, api.status(), "the API answers for itself: " + api.body());
    }
}
