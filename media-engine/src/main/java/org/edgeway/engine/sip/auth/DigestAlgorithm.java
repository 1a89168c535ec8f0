package org.edgeway.engine.sip.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Digest algorithms offered (RFC 8760: SHA-256 preferred, MD5 for older clients), in order of preference. */
public enum DigestAlgorithm {

    SHA_256("SHA-256", "SHA-256"), MD5("MD5", "MD5");

    private static final HexFormat HEX = HexFormat.of();

    private final String token;
    /** One digest per thread: MessageDigest.getInstance looks the provider up each time (a REGISTER hashes 3x). */
    private final ThreadLocal<MessageDigest> digests;

    DigestAlgorithm(String token, String jca) {
        this.token = token;
        this.digests = ThreadLocal.withInitial(() -> {
            try {
                return MessageDigest.getInstance(jca);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The algorithm= token. */
    public String token() {
        return token;
    }

    public static DigestAlgorithm of(String token) {
        if (token == null || token.equalsIgnoreCase("MD5")) {
            return MD5; // RFC 3261 22.4: absent means MD5
        }
        for (DigestAlgorithm a : values()) {
            if (a.token.equalsIgnoreCase(token)) {
                return a;
            }
        }
        return null;
    }

    /** Lower-case hex of the hash of the UTF-8 text. */
    public String hash(String text) {
        return HEX.formatHex(digests.get().digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
