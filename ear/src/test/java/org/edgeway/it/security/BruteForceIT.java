package org.edgeway.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

/**
 * Issue 9 finding 4: a valid login of another account reset the address's failure count, parallel guesses ran
 * more password checks than the trigger level, and a blocked source was answered 401. Each test attacks from
 * its own 127.0.0.N addresses (a raw socket bound to that address) and its own account names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BruteForceIT {

    private static final int TRIGGER_LEVEL = 5;
    private static final String ADMIN_PASSWORD = "Adm1n-Brute-Force!";
    private static final ObjectMapper JSON = new ObjectMapper();
    private ServerNode node;

    @BeforeAll
    void start() throws Exception {
        node = new ServerNode("brute-force", 40, "--role", "E").fresh().start();
        try (Browser browser = new Browser()) {
            Console.firstLogin(browser, node, ADMIN_PASSWORD);
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (node != null) {
            node.stop();
        }
    }

    @Test
    @Order(1)
    void anotherAccountsSuccessDoesNotResetTheAddress() throws Exception {
        InetAddress attacker = InetAddress.getByName("127.0.0.21");
        int guess = 0;
        RawHttp.Response last = null;
        for (int round = 0; round < 3 && (last == null || last.status() != 429); round++) {
            for (int i = 0; i < 4 && (last == null || last.status() != 429); i++) {
                last = api(attacker, "guess" + guess++, "wrong-password");
            }
            if (last.status() != 429) {
                assertEquals(200, api(attacker, "admin", ADMIN_PASSWORD).status(), "a valid login in between");
            }
        }
        assertEquals(429, last.status(), "blocked after " + guess + " guesses: " + last.body());
        assertEquals(TRIGGER_LEVEL + 1, guess, "the trigger level counts failures, not failures since a success");
        assertBlockedAnswer(last);
        assertEquals(429, api(attacker, "admin", ADMIN_PASSWORD).status(),
                "a blocked address is refused before the password is checked");
        assertEquals(200, api(InetAddress.getByName("127.0.0.22"), "admin", ADMIN_PASSWORD).status(),
                "other addresses are not blocked");
    }

    @Test
    @Order(2)
    void parallelGuessesFromOneAddressRunAtMostTheTriggerLevelOfChecks() throws Exception {
        InetAddress attacker = InetAddress.getByName("127.0.0.31");
        List<RawHttp.Response> answers = parallel(30, i -> api(attacker, "parallel" + i, "wrong-password"));
        long checked = answers.stream().filter(r -> r.status() == 401).count();
        long refused = answers.stream().filter(r -> r.status() == 429).count();
        assertTrue(checked <= TRIGGER_LEVEL, checked + " password checks from one address");
        assertEquals(30, checked + refused, "every answer is 401 or 429");
    }

    @Test
    @Order(3)
    void parallelGuessesAtOneAccountFromManyAddressesRunAtMostTheTriggerLevelOfChecks() throws Exception {
        List<RawHttp.Response> answers = parallel(30,
                i -> api(InetAddress.getByName("127.0.0." + (100 + i)), "victim", "wrong-password-" + i));
        long checked = answers.stream().filter(r -> r.status() == 401).count();
        long refused = answers.stream().filter(r -> r.status() == 429).count();
        assertTrue(checked <= TRIGGER_LEVEL, checked + " password checks of one account");
        assertEquals(30, checked + refused, "every answer is 401 or 429");
        assertBlockedAnswer(answers.stream().filter(r -> r.status() == 429).findFirst().orElseThrow());
    }

    @Test
    @Order(4)
    void logLinesEscapeNamesAndApiCallsAreNotLogins() throws Exception {
        InetAddress from = InetAddress.getByName("127.0.0.41");
        String forged = "Administrator 'admin' logged in from 203.0.113.9";
        assertEquals(401, api(from, "x\r\n" + forged, "wrong").status());
        long loginsBefore = loginLines();
        for (int i = 0; i < 3; i++) {
            assertEquals(200, api(from, "admin", ADMIN_PASSWORD).status());
        }
        List<String> log = Files.readAllLines(node.serverLog(), StandardCharsets.UTF_8);
        assertTrue(log.stream().anyMatch(l -> l.contains("Failed administrator login for 'x\\r\\n" + forged)),
                "the name is logged escaped on the failure's own line");
        assertTrue(log.stream().filter(l -> l.contains(forged)).allMatch(l -> l.contains("Failed administrator login")),
                "no forged log line");
        assertEquals(loginsBefore, loginLines(), "API calls are not logins");
    }

    @Test
    @Order(5)
    void theConsoleSaysWhenTheAddressIsBlocked() throws Exception {
        // the browser connects from 127.0.0.1: block it last
        try (Browser browser = new Browser()) {
            for (int i = 0; i < TRIGGER_LEVEL; i++) {
                Console.login(browser, node, "console" + i, "wrong-password");
                browser.waitForText("loginForm:loginMessages", "Login failed");
            }
            Console.login(browser, node, "admin", ADMIN_PASSWORD);
            browser.waitForText("loginForm:loginMessages", "Too many failed logins");
            assertTrue(browser.driver().getCurrentUrl().contains("/login"));
        }
    }

    private static void assertBlockedAnswer(RawHttp.Response r) throws Exception {
        long retryAfter = Long.parseLong(r.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 600, "Retry-After " + retryAfter);
        JsonNode body = JSON.readTree(r.body());
        assertEquals(429, body.get("status").asInt());
        assertTrue(body.get("error").asText().contains("Too many failed logins"), r.body());
    }

    private long loginLines() throws Exception {
        return Files.readAllLines(node.serverLog(), StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains("Administrator 'admin' logged in from")).count();
    }

    private RawHttp.Response api(InetAddress from, String user, String password) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return RawHttp.send(node.sslContext(), node.httpsUrl(), from, "GET", "/api/v1/system/dns",
                Map.of("Authorization", "Basic " + basic, "Accept", "application/json"), null);
    }

    private interface Attempt {
        RawHttp.Response run(int i) throws Exception;
    }

    private static List<RawHttp.Response> parallel(int n, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<RawHttp.Response>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                calls.add(() -> attempt.run(index));
            }
            List<RawHttp.Response> answers = new ArrayList<>();
            for (Future<RawHttp.Response> f : pool.invokeAll(calls)) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
