package org.edgeway.engine.stun;

import java.util.Base64;

/**
 * The nonce cookie of RFC 8489 section 9.2 (bid-down attack prevention): "To indicate that it supports this
 * specification, a server MUST prepend the NONCE attribute value with the character string composed of
 * \"obMatJos2\" concatenated with the (4-character) base64 [RFC4648] encoding of the 24-bit STUN Security Features
 * as defined in Section 18.1." A client that sees the cookie knows which security features the server offered, so
 * an attacker who strips PASSWORD-ALGORITHMS from a 401 is detected.
 *
 * <p>Bit numbering: the registry's "Bit 0: Password algorithms" and "Bit 1: Username anonymity" count from the
 * least significant bit of the 24-bit field (RFC 8489 erratum 6290; the Appendix B.1 nonce {@code obMatJos2AAAC}
 * sets only username anonymity, value 0x000002).
 */
public final class NonceCookie {

    public static final String COOKIE = "obMatJos2";
    /** Security feature "Password algorithms" (bit 0). */
    public static final int PASSWORD_ALGORITHMS = 0x000001;
    /** Security feature "Username anonymity" (bit 1). */
    public static final int USERNAME_ANONYMITY = 0x000002;

    private NonceCookie() {
    }

    /** {@code obMatJos2} followed by the 4-character base64 encoding of the 24-bit feature set. */
    public static String prefix(int features) {
        byte[] bits = {(byte) (features >>> 16), (byte) (features >>> 8), (byte) features};
        return COOKIE + Base64.getEncoder().encodeToString(bits);
    }

    /** The feature set a nonce advertises, or -1 if it does not start with a well-formed cookie. */
    public static int features(String nonce) {
        if (nonce == null || nonce.length() < COOKIE.length() + 4 || !nonce.startsWith(COOKIE)) {
            return -1;
        }
        try {
            byte[] bits = Base64.getDecoder().decode(nonce.substring(COOKIE.length(), COOKIE.length() + 4));
            return ((bits[0] & 0xFF) << 16) | ((bits[1] & 0xFF) << 8) | (bits[2] & 0xFF);
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}
