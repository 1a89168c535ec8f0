package org.edgeway.services.security;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * REST API credentials verified lately. Every API call carries its password (HTTP Basic), and checking one
 * against its PBKDF2 hash costs 600 000 HMAC rounds (~0.2 s of CPU here): a script listing a few pages would
 * spend most of its time, and the node's CPU, on that. After a full check succeeds, the password's HMAC under a
 * key that lives only in this process is remembered for {@link #TTL}, bound to the account's stored hash, so a
 * changed password, a deleted or re-created account never match an entry. Failures are never remembered: a wrong
 * password always takes the full check (and counts for automated protection).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class VerifiedCredentials {

    static final Duration TTL = Duration.ofMinutes(5);
    private static final int MAX_ENTRIES = 1_000;

    private record Entry(byte[] mac, String passwordHash, Instant expires) {
    }

    private final byte[] key = new byte[32];
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    public VerifiedCredentials() {
        new SecureRandom().nextBytes(key);
    }

    /** Whether this password was verified for the account with this stored hash within {@link #TTL}. */
    public boolean matches(String name, char[] password, String passwordHash, Instant now) {
        Entry e = entries.get(name);
        if (e == null || !e.passwordHash().equals(passwordHash)) {
            return false;
        }
        if (!now.isBefore(e.expires())) {
            entries.remove(name, e);
            return false;
        }
        return MessageDigest.isEqual(e.mac(), mac(name, password));
    }

    /** Remembers a password that has just passed the full check against {@code passwordHash}. */
    public void verified(String name, char[] password, String passwordHash, Instant now) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(e -> !now.isBefore(e.expires()));
            if (entries.size() >= MAX_ENTRIES) {
                return; // a flood of accounts: they keep paying the full check
            }
        }
        entries.put(name, new Entry(mac(name, password), passwordHash, now.plus(TTL)));
    }

    private byte[] mac(String name, char[] password) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] secret = new byte[encoded.remaining()];
        encoded.get(secret);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(name.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(secret);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        } finally {
            Arrays.fill(secret, (byte) 0);
            if (encoded.hasArray()) {
                Arrays.fill(encoded.array(), (byte) 0);
            }
        }
    }
}
