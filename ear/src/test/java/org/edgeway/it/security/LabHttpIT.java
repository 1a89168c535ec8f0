package org.edgeway.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Map;
import org.edgeway.it.Browser;
import org.edgeway.it.ServerNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The documented lab option: {@code edgeway.sh --lab-http} keeps plain HTTP for loopback clients. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabHttpIT {

    private ServerNode node;

    @BeforeAll
    void start() throws Exception {
        node = new ServerNode("lab-http", 70, "--role", "E", "--lab-http").fresh().start();
    }

    @AfterAll
    void stop() throws Exception {
        if (node != null) {
            node.stop();
        }
    }

    @Test
    void loopbackClientsMayUsePlainHttp() throws Exception {
        RawHttp.Response login = RawHttp.send(null, node.httpUrl(), InetAddress.getByName("127.0.0.2"), "GET",
                "/login", Map.of(), null);
        assertEquals(200, login.status(), login.body());
        assertEquals(null, login.header("Strict-Transport-Security"), "HSTS only over HTTPS");
    }

    @Test
    void aBrowserLogsInOverPlainHttpOnLoopback() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open(node.httpUrl() + "/login");
            browser.type("loginForm:username", "admin");
            browser.type("loginForm:password", node.oneTimePassword());
            browser.click("loginForm:login");
            browser.waitForUrlContaining("/change-password");
            assertTrue(browser.driver().getCurrentUrl().startsWith(node.httpUrl()), "stayed on plain HTTP");
        }
    }
}
