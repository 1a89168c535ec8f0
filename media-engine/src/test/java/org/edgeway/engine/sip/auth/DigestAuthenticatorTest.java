package org.edgeway.engine.sip.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Digest per RFC 8760 / RFC 2617 with qop=auth: both algorithms, stale and forged nonces, wrong passwords. */
class DigestAuthenticatorTest {

    private final Map<String, String> users = Map.of("alice", "secret");

    /** A mutable clock (the nonce lifetime is checked without waiting). */
    private static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static String authorization(DigestAlgorithm a, String user, String password, String realm,
            String nonce, String method, String uri) {
        return DigestClient.authorization(a, user, password, realm, nonce, method, uri);
    }

    private static String nonce(String challenge) {
        return DigestClient.nonce(challenge);
    }

    @Test
    void challengesOfferSha256FirstThenMd5() {
        List<String> c = new DigestAuthenticator(Clock.systemUTC(), List.of(DigestAlgorithm.values()))
                .challenges("TANDBERG", false);
        assertEquals(2, c.size());
        assertTrue(c.get(0).contains("algorithm=SHA-256") && c.get(0).contains("qop=\"auth\""), c.get(0));
        assertTrue(c.get(1).contains("algorithm=MD5"), c.get(1));
    }

    @Test
    void bothAlgorithmsVerifyAndWrongPasswordsAreForbidden() {
        DigestAuthenticator d = new DigestAuthenticator(Clock.systemUTC(), List.of(DigestAlgorithm.values()));
        for (DigestAlgorithm a : DigestAlgorithm.values()) {
            String nonce = nonce(d.challenges("TANDBERG", false).get(0));
            DigestAuthenticator.Verdict ok = d.verify(List.of(authorization(a, "alice", "secret", "TANDBERG", nonce,
                    "REGISTER", "sip:example.com")), "TANDBERG", "REGISTER", users::get);
            assertEquals(new DigestAuthenticator.Verdict(DigestAuthenticator.Result.OK, "alice"), ok, a.token());
            assertEquals(DigestAuthenticator.Result.FORBIDDEN, d.verify(List.of(authorization(a, "alice", "wrong",
                    "TANDBERG", nonce, "REGISTER", "sip:example.com")), "TANDBERG", "REGISTER", users::get)
                    .result());
            assertEquals(DigestAuthenticator.Result.FORBIDDEN, d.verify(List.of(authorization(a, "mallory",
                    "secret", "TANDBERG", nonce, "REGISTER", "sip:example.com")), "TANDBERG", "REGISTER",
                    users::get).result());
        }
    }

    @Test
    void credentialsForAnotherRealmCountAsMissing() {
        DigestAuthenticator d = new DigestAuthenticator(Clock.systemUTC(), List.of(DigestAlgorithm.MD5));
        String nonce = nonce(d.challenges("TANDBERG", false).get(0));
        assertEquals(DigestAuthenticator.Result.MISSING, d.verify(List.of(authorization(DigestAlgorithm.MD5,
                "alice", "secret", "other", nonce, "REGISTER", "sip:x")), "TANDBERG", "REGISTER", users::get)
                .result());
    }

    @Test
    void expiredNonceIsStaleAndForgedNonceIsForbidden() {
        TestClock clock = new TestClock();
        DigestAuthenticator d = new DigestAuthenticator(clock, List.of(DigestAlgorithm.values()));
        String nonce = nonce(d.challenges("TANDBERG", false).get(0));
        clock.now = clock.now.plus(DigestAuthenticator.NONCE_LIFETIME).plus(Duration.ofSeconds(1));
        String auth = authorization(DigestAlgorithm.SHA_256, "alice", "secret", "TANDBERG", nonce, "INVITE",
                "sip:bob@example.com");
        assertEquals(DigestAuthenticator.Result.STALE, d.verify(List.of(auth), "TANDBERG", "INVITE", users::get)
                .result());
        assertTrue(d.challenges("TANDBERG", true).get(0).contains("stale=true"));
        // a nonce from another node (another secret) is not ours
        String foreign = nonce(new DigestAuthenticator(clock, List.of(DigestAlgorithm.MD5))
                .challenges("TANDBERG", false).get(0));
        assertEquals(DigestAuthenticator.Result.FORBIDDEN, d.verify(List.of(authorization(DigestAlgorithm.MD5,
                "alice", "secret", "TANDBERG", foreign, "INVITE", "sip:bob@example.com")), "TANDBERG", "INVITE",
                users::get).result());
    }

    @Test
    void oneNoncePerSecondAndOlderOnesStillCheckedByTheirMac() {
        TestClock clock = new TestClock();
        clock.now = clock.now.plusMillis(100); // x.100 and x.500 share an expiry second, x+1.200 does not
        DigestAuthenticator d = new DigestAuthenticator(clock, List.of(DigestAlgorithm.MD5));
        String first = nonce(d.challenges("TANDBERG", false).get(0));
        clock.now = clock.now.plusMillis(400);
        assertEquals(first, nonce(d.challenges("TANDBERG", false).get(0)), "same second, same nonce");
        clock.now = clock.now.plusMillis(700);
        String second = nonce(d.challenges("TANDBERG", false).get(0));
        assertNotEquals(first, second, "a new second, a new nonce");
        clock.now = clock.now.plusSeconds(3);
        nonce(d.challenges("TANDBERG", false).get(0)); // two newer seconds issued: the first is no longer remembered
        nonce(d.challenges("TANDBERG", true).get(0));
        clock.now = clock.now.plusSeconds(1);
        nonce(d.challenges("TANDBERG", false).get(0));
        assertEquals(DigestAuthenticator.Result.OK, d.verify(List.of(authorization(DigestAlgorithm.MD5, "alice",
                "secret", "TANDBERG", first, "REGISTER", "sip:x")), "TANDBERG", "REGISTER", users::get).result());
        // the expiry moved by one second, the tag kept: refused
        byte[] raw = java.util.Base64.getUrlDecoder().decode(second);
        raw[6]++;
        String tampered = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        assertEquals(DigestAuthenticator.Result.FORBIDDEN, d.verify(List.of(authorization(DigestAlgorithm.MD5,
                "alice", "secret", "TANDBERG", tampered, "REGISTER", "sip:x")), "TANDBERG", "REGISTER", users::get)
                .result());
    }

    @Test
    void anAlgorithmNotOfferedIsRefused() {
        DigestAuthenticator d = new DigestAuthenticator(Clock.systemUTC(), List.of(DigestAlgorithm.SHA_256));
        String nonce = nonce(d.challenges("TANDBERG", false).get(0));
        assertEquals(DigestAuthenticator.Result.FORBIDDEN, d.verify(List.of(authorization(DigestAlgorithm.MD5,
                "alice", "secret", "TANDBERG", nonce, "REGISTER", "sip:x")), "TANDBERG", "REGISTER", users::get)
                .result());
    }
}
