package org.edgeway.engine.stun;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Key derivation for the long-term credential mechanism (RFC 8489 section 9.2.2) and USERHASH (section 14.4).
 *
 * <p>Strings pass through a minimal OpaqueString profile (RFC 8265 section 4.2): non-ASCII spaces map to U+0020
 * and the result is NFC-normalised. Deployments that need the full PRECIS rules should store already-prepared
 * passwords (the RFC 5769 and RFC 8489 vectors give the prepared password "TheMatrIX").
 */
public final class LongTermCredentials {

    private LongTermCredentials() {
    }

    /** RFC 8265 OpaqueString, minimal form: width-preserving, spaces mapped, NFC. */
    public static String opaqueString(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> b.appendCodePoint(
                cp != ' ' && Character.getType(cp) == Character.SPACE_SEPARATOR ? ' ' : cp));
        return Normalizer.normalize(b, Normalizer.Form.NFC);
    }

    /** The long-term key for {@code algorithm} (MD5 or SHA-256 of username:realm:password). */
    public static byte[] key(PasswordAlgorithm algorithm, String username, String realm, String password) {
        return algorithm.key(username, opaqueString(realm), opaqueString(password));
    }

    /** RFC 8489 section 14.4: "userhash = SHA-256(OpaqueString(username) ":" OpaqueString(realm))". */
    public static byte[] userhash(String username, String realm) {
        return PasswordAlgorithm.SHA256.digest(
                (opaqueString(username) + ":" + opaqueString(realm)).getBytes(StandardCharsets.UTF_8));
    }
}
