package org.edgeway.engine.sip.auth;

import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SIP digest authentication (RFC 3261 22, RFC 8760) against the local database. Nonces are stateless: the expiry
 * time and an HMAC of it under a per-process secret, so any nonce this node issued is recognised without a table,
 * an expired one gets {@code stale=true}, and a forged one is refused. qop=auth is offered; RFC 2069 responses
 * without qop are accepted too. The expiry is a whole second, and every challenge of that second carries the same
 * nonce (RFC 7616 3.3 leaves its contents to the server; being stateless it never tracked nonce counts), so the HMAC
 * is computed once a second rather than for each 401 and each answer.
 */
public final class DigestAuthenticator {

    /** Outcome of checking a request's credentials. */
    public enum Result {
        /** No credentials for this realm: challenge. */
        MISSING,
        /** Valid credentials. */
        OK,
        /** Right password on an expired nonce: challenge again with stale=true. */
        STALE,
        /** Unknown user, wrong password or a nonce this node never issued: 403. */
        FORBIDDEN
    }

    /** The verdict and the authenticated user name (null unless OK). */
    public record Verdict(Result result, String user) {
    }

    public static final Duration NONCE_LIFETIME = Duration.ofMinutes(5);

    private final Clock clock;
    private final Supplier<List<DigestAlgorithm>> offered;
    /** HMAC-SHA256 under a per-process secret, one keyed Mac per thread (getInstance and init cost more than the MAC). */
    private final ThreadLocal<Mac> macs;
    /** The nonces of the latest two expiry seconds issued, recognised without decoding or a MAC. */
    private volatile Issued current = new Issued(Long.MIN_VALUE, "");
    private volatile Issued previous = current;

    private record Issued(long expiry, String nonce) {
    }

    /**
     * @param offered algorithms to challenge with, most preferred first (RFC 8760 2.4: a client uses the topmost
     *                one it supports); read on every challenge and check, so a configuration change applies live
     */
    public DigestAuthenticator(Clock clock, Supplier<List<DigestAlgorithm>> offered) {
        this.clock = clock;
        this.offered = offered;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        SecretKeySpec key = new SecretKeySpec(secret, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (NoSuchAlgorithmException | InvalidKeyException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** An authenticator that always offers the same algorithms. */
    public DigestAuthenticator(Clock clock, List<DigestAlgorithm> offered) {
        this(clock, () -> offered);
    }

    /** WWW-Authenticate / Proxy-Authenticate values, one per algorithm, most preferred first. */
    public List<String> challenges(String realm, boolean stale) {
        String nonce = nonce();
        List<String> values = new ArrayList<>();
        for (DigestAlgorithm a : offered.get()) {
            values.add("Digest realm=\"" + realm + "\", nonce=\"" + nonce + "\", algorithm=" + a.token()
                    + ", qop=\"auth\"" + (stale ? ", stale=true" : ""));
        }
        return values;
    }

    /**
     * Checks the credentials of a request for {@code realm}.
     *
     * @param authorizations the Authorization (or Proxy-Authorization) values of the request
     * @param method         request method
     * @param passwords      user name to password (the local database)
     */
    public Verdict verify(List<String> authorizations, String realm, String method,
            Function<String, String> passwords) {
        for (String value : authorizations) {
            Map<String, String> p = AuthParams.parseDigest(value);
            if (p == null || !realm.equals(p.get("realm"))) {
                continue;
            }
            String user = p.get("username");
            String nonce = p.get("nonce");
            String uri = p.get("uri");
            String response = p.get("response");
            DigestAlgorithm algorithm = DigestAlgorithm.of(p.get("algorithm"));
            String password = user == null ? null : passwords.apply(user);
            if (password == null || nonce == null || uri == null || response == null || !offered.get().contains(algorithm)) {
                return new Verdict(Result.FORBIDDEN, null);
            }
            long expiry = nonceExpiry(nonce);
            if (expiry < 0) {
                return new Verdict(Result.FORBIDDEN, null);
            }
            String ha1 = algorithm.hash(user + ":" + realm + ":" + password);
            String ha2 = algorithm.hash(method + ":" + uri);
            String qop = p.get("qop");
            String expected = qop == null ? algorithm.hash(ha1 + ":" + nonce + ":" + ha2)
                    : algorithm.hash(ha1 + ":" + nonce + ":" + p.get("nc") + ":" + p.get("cnonce") + ":" + qop + ":"
                            + ha2);
            if (!MessageDigest.isEqual(expected.getBytes(), response.toLowerCase(java.util.Locale.ROOT)
                    .getBytes())) {
                return new Verdict(Result.FORBIDDEN, null);
            }
            if (expiry < clock.millis()) {
                return new Verdict(Result.STALE, null);
            }
            return new Verdict(Result.OK, user);
        }
        return new Verdict(Result.MISSING, null);
    }

    private String nonce() {
        long expiry = -Math.floorDiv(-(clock.millis() + NONCE_LIFETIME.toMillis()), 1000) * 1000; // up to a second
        Issued c = current;
        if (c.expiry() == expiry) {
            return c.nonce();
        }
        ByteBuffer b = ByteBuffer.allocate(8 + 16);
        b.putLong(expiry).put(mac(expiry), 0, 16);
        Issued next = new Issued(expiry, Base64.getUrlEncoder().withoutPadding().encodeToString(b.array()));
        synchronized (this) {
            if (expiry > current.expiry()) {
                previous = current;
                current = next;
            }
        }
        return next.nonce();
    }

    /** The expiry time of a nonce this node issued, or -1 if it did not issue it. */
    private long nonceExpiry(String nonce) {
        Issued c = current;
        if (c.nonce().equals(nonce)) {
            return c.expiry();
        }
        Issued p = previous;
        if (p.nonce().equals(nonce)) {
            return p.expiry();
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return -1;
        }
        if (raw.length != 24) {
            return -1;
        }
        ByteBuffer b = ByteBuffer.wrap(raw);
        long expiry = b.getLong();
        byte[] tag = new byte[16];
        b.get(tag);
        byte[] expected = java.util.Arrays.copyOf(mac(expiry), 16);
        return MessageDigest.isEqual(tag, expected) ? expiry : -1;
    }

    private byte[] mac(long expiry) {
        return macs.get().doFinal(ByteBuffer.allocate(8).putLong(expiry).array());
    }
}
