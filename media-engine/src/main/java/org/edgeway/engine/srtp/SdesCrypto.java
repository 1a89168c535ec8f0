package org.edgeway.engine.srtp;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * One SDES crypto attribute (RFC 4568) of the suite this node speaks, AES_CM_128_HMAC_SHA1_80:
 * {@code a=crypto:<tag> AES_CM_128_HMAC_SHA1_80 inline:<base64 of the 16-byte key and 14-byte salt>[|...]}.
 * Lifetime and MKI parameters of an offer are ignored; this node's own lines carry neither.
 */
public record SdesCrypto(int tag, byte[] key, byte[] salt) {

    public static final String SUITE = "AES_CM_128_HMAC_SHA1_80";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The value of an a=crypto line (after "crypto:") if it offers our suite with a well-formed key, else null. */
    public static SdesCrypto parse(String value) {
        String[] p = value.trim().split("\\s+");
        if (p.length < 3 || !p[1].equals(SUITE) || !p[2].startsWith("inline:")) {
            return null;
        }
        try {
            String material = p[2].substring("inline:".length());
            int bar = material.indexOf('|');
            byte[] keySalt = Base64.getDecoder().decode(bar < 0 ? material : material.substring(0, bar));
            if (keySalt.length != 30) {
                return null;
            }
            return new SdesCrypto(Integer.parseInt(p[0]), Arrays.copyOf(keySalt, 16),
                    Arrays.copyOfRange(keySalt, 16, 30));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A fresh random key and salt: each leg of a call gets its own. */
    public static SdesCrypto generate(int tag) {
        byte[] key = new byte[16];
        byte[] salt = new byte[14];
        RANDOM.nextBytes(key);
        RANDOM.nextBytes(salt);
        return new SdesCrypto(tag, key, salt);
    }

    /** The attribute value, for {@code a=crypto:}. */
    public String value() {
        byte[] keySalt = Arrays.copyOf(key, 30);
        System.arraycopy(salt, 0, keySalt, 16, 14);
        return tag + " " + SUITE + " inline:" + Base64.getEncoder().encodeToString(keySalt);
    }

    /** An SRTP context keyed with this key. */
    public SrtpContext context() throws GeneralSecurityException {
        return new SrtpContext(key, salt);
    }
}
