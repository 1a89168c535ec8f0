package org.edgeway.engine.sip.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Digest algorithms offered (RFC 8760: SHA-256 preferred, MD5 for older clients), in order of preference. */
public enum DigestAlgorithm {

    SHA_256("SHA-256", "SHA-256"), MD5("MD5", "MD5");

    private final String token;
    private final String jca;

    DigestAlgorithm(String token, String jca) {
        this.token = token;
        this.jca = jca;
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

    public String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(jca).digest(text.getBytes(
                    StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
