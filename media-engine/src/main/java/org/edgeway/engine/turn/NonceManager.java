package org.edgeway.engine.turn;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.LongSupplier;
import org.edgeway.engine.stun.MessageIntegrity;
import org.edgeway.engine.stun.NonceCookie;

/**
 * Stateless nonces: nothing is stored per client, so nonces cannot be used to exhaust memory. A nonce is
 * {@code obMatJos2} + the 4-character security feature set (RFC 8489 section 9.2) + base64url(expiry millis (8
 * bytes) + the first 12 bytes of HMAC-SHA256(server secret, prefix | expiry | client IP)). It is valid for the
 * client IP it was issued to until its expiry; then the server answers 438 (Stale Nonce) with a fresh one. The
 * secret is random per service start, so a TURN restart makes every nonce stale (one extra round trip).
 */
final class NonceManager {

    private static final int MAC_BYTES = 12;

    private final byte[] secret = new byte[32];
    private final long lifetimeMillis;
    private final String prefix;
    private final LongSupplier clock;

    NonceManager(long lifetimeMillis, int features, LongSupplier clock) {
        new SecureRandom().nextBytes(secret);
        this.lifetimeMillis = lifetimeMillis;
        this.prefix = NonceCookie.prefix(features);
        this.clock = clock;
    }

    String issue(InetAddress client) {
        long expiry = clock.getAsLong() + lifetimeMillis;
        ByteBuffer body = ByteBuffer.allocate(8 + MAC_BYTES);
        body.putLong(expiry);
        body.put(mac(expiry, client), 0, MAC_BYTES);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(body.array());
    }

    /** True if issued by this service to this client IP and not expired. */
    boolean valid(String nonce, InetAddress client) {
        if (nonce == null || !nonce.startsWith(prefix)) {
            return false;
        }
        byte[] body;
        try {
            body = Base64.getUrlDecoder().decode(nonce.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (body.length != 8 + MAC_BYTES) {
            return false;
        }
        long expiry = ByteBuffer.wrap(body).getLong();
        byte[] expected = java.util.Arrays.copyOf(mac(expiry, client), MAC_BYTES);
        byte[] received = java.util.Arrays.copyOfRange(body, 8, 8 + MAC_BYTES);
        return MessageDigest.isEqual(expected, received) && clock.getAsLong() < expiry;
    }

    private byte[] mac(long expiry, InetAddress client) {
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        byte[] ip = client.getAddress();
        ByteBuffer data = ByteBuffer.allocate(p.length + 8 + ip.length);
        data.put(p).putLong(expiry).put(ip);
        return MessageIntegrity.hmacSha256(secret, data.array());
    }
}
