package org.edgeway.engine.stun;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The password algorithms of RFC 8489 section 18.5 ("STUN Password Algorithms" registry): MD5 (0x0001) and
 * SHA-256 (0x0002). Section 9.2.2: "key = MD5(username ":" OpaqueString(realm) ":" OpaqueString(password))" and
 * "key = SHA-256(username ":" OpaqueString(realm) ":" OpaqueString(password))".
 */
public enum PasswordAlgorithm {
    MD5(0x0001, "MD5"),
    SHA256(0x0002, "SHA-256");

    private final int number;
    private final String digest;

    PasswordAlgorithm(int number, String digest) {
        this.number = number;
        this.digest = digest;
    }

    public int number() {
        return number;
    }

    /** The algorithm for a registry number, or null if unknown. */
    public static PasswordAlgorithm of(int number) {
        return switch (number) {
            case 0x0001 -> MD5;
            case 0x0002 -> SHA256;
            default -> null;
        };
    }

    /** Derives the long-term key from already OpaqueString-processed inputs. */
    public byte[] key(String username, String realm, String password) {
        return digest((username + ":" + realm + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    byte[] digest(byte[] input) {
        try {
            return MessageDigest.getInstance(digest).digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(digest + " missing from the JDK", e);
        }
    }
}
