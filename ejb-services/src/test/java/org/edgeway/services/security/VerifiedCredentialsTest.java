package org.edgeway.services.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class VerifiedCredentialsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T20:00:00Z");
    private final VerifiedCredentials cache = new VerifiedCredentials();

    @Test
    void aVerifiedPasswordIsRecognisedUntilItsTimeIsUp() {
        cache.verified("admin", "Secret-1".toCharArray(), "hash-1", T0);
        assertTrue(cache.matches("admin", "Secret-1".toCharArray(), "hash-1", T0.plusSeconds(10)));
        assertTrue(cache.matches("admin", "Secret-1".toCharArray(), "hash-1",
                T0.plus(VerifiedCredentials.TTL).minusMillis(1)));
        assertFalse(cache.matches("admin", "Secret-1".toCharArray(), "hash-1", T0.plus(VerifiedCredentials.TTL)));
        // expired entries are gone, not revived
        assertFalse(cache.matches("admin", "Secret-1".toCharArray(), "hash-1", T0.plusSeconds(10)));
    }

    @Test
    void anotherPasswordAnotherAccountOrAChangedHashDoNotMatch() {
        cache.verified("admin", "Secret-1".toCharArray(), "hash-1", T0);
        assertFalse(cache.matches("admin", "Secret-2".toCharArray(), "hash-1", T0));
        assertFalse(cache.matches("admin", "Secret-1x".toCharArray(), "hash-1", T0));
        assertFalse(cache.matches("viewer", "Secret-1".toCharArray(), "hash-1", T0));
        // the password was changed (or the account re-created): the stored hash differs
        assertFalse(cache.matches("admin", "Secret-1".toCharArray(), "hash-2", T0));
    }
}
