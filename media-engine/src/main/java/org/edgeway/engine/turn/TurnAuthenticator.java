package org.edgeway.engine.turn;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.edgeway.engine.net.RateLimiter;
import org.edgeway.engine.stun.LongTermCredentials;
import org.edgeway.engine.stun.MessageIntegrity;
import org.edgeway.engine.stun.NonceCookie;
import org.edgeway.engine.stun.PasswordAlgorithm;
import org.edgeway.engine.stun.StunErrorCode;
import org.edgeway.engine.stun.StunMessage;
import org.edgeway.engine.stun.attribute.NonceAttribute;
import org.edgeway.engine.stun.attribute.PasswordAlgorithmAttribute;
import org.edgeway.engine.stun.attribute.PasswordAlgorithmsAttribute;
import org.edgeway.engine.stun.attribute.RealmAttribute;
import org.edgeway.engine.stun.attribute.UserhashAttribute;
import org.edgeway.engine.stun.attribute.UsernameAttribute;

/**
 * The long-term credential mechanism on the server side (RFC 8489 section 9.2.4, used by TURN per RFC 8656
 * section 5), in the order the RFC prescribes:
 * <ol>
 *   <li>no MESSAGE-INTEGRITY(-SHA256): 401 with REALM, a fresh NONCE and PASSWORD-ALGORITHMS;</li>
 *   <li>integrity but no USERNAME/USERHASH, REALM or NONCE: 400;</li>
 *   <li>the nonce carries the cookie with "Password algorithms": if the request has PASSWORD-ALGORITHMS or
 *       PASSWORD-ALGORITHM it must have both, the list must equal what the server sent and the algorithm must be in
 *       it, else 400 (bid-down protection); with neither, MD5 is used (RFC 5389 clients);</li>
 *   <li>unknown username / USERHASH (USERHASH only when username anonymity was offered), expired REST API
 *       credential, or wrong realm: 401;</li>
 *   <li>HMAC mismatch: 401;</li>
 *   <li>nonce not valid (expired, other client IP, other service run): 438 with a fresh nonce.</li>
 * </ol>
 * Responses are then signed with MESSAGE-INTEGRITY-SHA256, or MESSAGE-INTEGRITY for requests processed as MD5
 * legacy. 401 answers are rate-limited per source IP; over the limit the request is silently dropped.
 */
final class TurnAuthenticator {

    /** Offered algorithms in order of preference. */
    static final List<PasswordAlgorithm> OFFERED = List.of(PasswordAlgorithm.SHA256, PasswordAlgorithm.MD5);
    static final int FEATURES = NonceCookie.PASSWORD_ALGORITHMS | NonceCookie.USERNAME_ANONYMITY;
    private static final List<Integer> OFFERED_NUMBERS = OFFERED.stream().map(PasswordAlgorithm::number).toList();

    /**
     * Result: either authenticated (username, key, integrity for responses) or an error response to send (or
     * nothing to send when rate-limited).
     */
    record Outcome(String username, byte[] key, StunMessage.Integrity integrity, StunMessage.Builder error,
            boolean drop) {
        boolean ok() {
            return username != null;
        }
    }

    /** The users and shared secret the server checks against, replaced as a whole when they change. */
    private record Credentials(Map<String, byte[][]> keys, Map<String, String> userhashes, byte[] sharedSecret) {

        static Credentials of(TurnConfig config) {
            Map<String, byte[][]> keys = new HashMap<>();
            Map<String, String> userhashes = new HashMap<>();
            String realm = config.realm();
            config.credentials().forEach((user, password) -> {
                keys.put(user, new byte[][] {
                    LongTermCredentials.key(PasswordAlgorithm.MD5, user, realm, password),
                    LongTermCredentials.key(PasswordAlgorithm.SHA256, user, realm, password)});
                userhashes.put(HexFormat.of().formatHex(LongTermCredentials.userhash(user, realm)), user);
            });
            byte[] secret = config.sharedSecret() == null ? null
                    : config.sharedSecret().getBytes(StandardCharsets.UTF_8);
            return new Credentials(Map.copyOf(keys), Map.copyOf(userhashes), secret);
        }
    }

    private final String realm;
    /** Read once per authenticated request; written by {@link #update} from the engine's lifecycle thread. */
    private volatile Credentials credentials;
    private final NonceManager nonces;
    private final RateLimiter limiter;
    private final TurnCounters counters;
    private final LongSupplier clockMillis;
    /** Told of every request whose credentials were wrong (not of a first request without any). */
    private final Consumer<InetAddress> rejected;

    TurnAuthenticator(TurnConfig config, NonceManager nonces, RateLimiter limiter, TurnCounters counters,
            LongSupplier clockMillis) {
        this(config, nonces, limiter, counters, clockMillis, a -> { });
    }

    TurnAuthenticator(TurnConfig config, NonceManager nonces, RateLimiter limiter, TurnCounters counters,
            LongSupplier clockMillis, Consumer<InetAddress> rejected) {
        this.rejected = rejected;
        this.realm = config.realm();
        this.credentials = Credentials.of(config);
        this.nonces = nonces;
        this.limiter = limiter;
        this.counters = counters;
        this.clockMillis = clockMillis;
    }

    /** Takes the users and shared secret of {@code config} (same realm) for every later request. */
    void update(TurnConfig config) {
        if (!realm.equals(config.realm())) {
            throw new IllegalArgumentException("a realm change needs a restart");
        }
        credentials = Credentials.of(config);
    }

    String realm() {
        return realm;
    }

    Outcome authenticate(StunMessage request, InetAddress client, long nowNanos) {
        boolean sha1 = request.hasIntegrity();
        boolean sha256 = request.hasIntegritySha256();
        if (!sha1 && !sha256) {
            return challenge(request, StunErrorCode.UNAUTHENTICATED, client, nowNanos);
        }
        UsernameAttribute username = request.get(UsernameAttribute.class);
        UserhashAttribute userhash = request.get(UserhashAttribute.class);
        RealmAttribute realmAttribute = request.get(RealmAttribute.class);
        NonceAttribute nonce = request.get(NonceAttribute.class);
        if ((username == null && userhash == null) || realmAttribute == null || nonce == null) {
            return error(StunMessage.errorResponse(request, StunErrorCode.BAD_REQUEST));
        }
        int features = NonceCookie.features(nonce.value());
        PasswordAlgorithm algorithm = PasswordAlgorithm.MD5;
        boolean legacy = true;
        PasswordAlgorithmsAttribute list = request.get(PasswordAlgorithmsAttribute.class);
        PasswordAlgorithmAttribute chosen = request.get(PasswordAlgorithmAttribute.class);
        if (features >= 0 && (features & NonceCookie.PASSWORD_ALGORITHMS) != 0 && (list != null || chosen != null)) {
            if (list == null || chosen == null || !OFFERED_NUMBERS.equals(list.algorithms())
                    || !list.algorithms().contains(chosen.algorithm()) || chosen.known() == null) {
                return error(StunMessage.errorResponse(request, StunErrorCode.BAD_REQUEST));
            }
            algorithm = chosen.known();
            legacy = false;
        }
        Credentials known = credentials;
        String user;
        if (username != null) {
            user = username.value();
        } else if (features >= 0 && (features & NonceCookie.USERNAME_ANONYMITY) != 0) {
            user = known.userhashes().get(HexFormat.of().formatHex(userhash.value()));
        } else {
            user = null;
        }
        byte[] key = user == null || !realm.equals(realmAttribute.value()) ? null : key(known, user, algorithm);
        if (key == null || !(sha256 ? request.verifyIntegritySha256(key) : request.verifyIntegrity(key))) {
            rejected.accept(client);
            return challenge(request, StunErrorCode.UNAUTHENTICATED, client, nowNanos);
        }
        if (!nonces.valid(nonce.value(), client)) {
            return new Outcome(null, null, null, challengeBody(request, StunErrorCode.STALE_NONCE, client), false);
        }
        StunMessage.Integrity integrity = legacy && !sha256 ? StunMessage.Integrity.SHA1
                : StunMessage.Integrity.SHA256;
        return new Outcome(user, key, integrity, null, false);
    }

    /** The key for a user (static credentials or REST API), or null if unknown / expired. */
    private byte[] key(Credentials known, String user, PasswordAlgorithm algorithm) {
        byte[][] k = known.keys().get(user);
        if (k != null) {
            return k[algorithm == PasswordAlgorithm.MD5 ? 0 : 1];
        }
        byte[] sharedSecret = known.sharedSecret();
        if (sharedSecret == null) {
            return null;
        }
        int colon = user.indexOf(':');
        String stamp = colon < 0 ? user : user.substring(0, colon);
        long expiry;
        try {
            expiry = Long.parseLong(stamp);
        } catch (NumberFormatException e) {
            return null;
        }
        if (expiry * 1000 < clockMillis.getAsLong()) {
            return null;
        }
        String password = Base64.getEncoder().encodeToString(
                MessageIntegrity.hmacSha1(sharedSecret, user.getBytes(StandardCharsets.UTF_8)));
        return LongTermCredentials.key(algorithm, user, realm, password);
    }

    private Outcome challenge(StunMessage request, int code, InetAddress client, long nowNanos) {
        if (!limiter.tryAcquire(client, nowNanos)) {
            counters.rateLimited.increment();
            return new Outcome(null, null, null, null, true);
        }
        return new Outcome(null, null, null, challengeBody(request, code, client), false);
    }

    /** An error response carrying REALM, a fresh NONCE and PASSWORD-ALGORITHMS (401 and 438). */
    StunMessage.Builder challengeBody(StunMessage request, int code, InetAddress client) {
        return StunMessage.errorResponse(request, code)
                .add(new RealmAttribute(realm))
                .add(new NonceAttribute(nonces.issue(client)))
                .add(PasswordAlgorithmsAttribute.of(OFFERED));
    }

    private static Outcome error(StunMessage.Builder response) {
        return new Outcome(null, null, null, response, false);
    }
}
