package org.edgeway.engine.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * Session keys derived from a master key and salt (RFC 3711 4.3, key derivation rate 0): the PRF is AES-CM keyed
 * with the master key over (label || 0^48) XOR master salt.
 *
 * @param cipherKey  128-bit session encryption key
 * @param authKey    160-bit session authentication key
 * @param salt       112-bit session salt
 */
public record SrtpKeys(byte[] cipherKey, byte[] authKey, byte[] salt) {

    /** Labels of RFC 3711 4.3.1 (SRTP) and 4.3.2 (SRTCP). */
    static final int RTP_CIPHER = 0;
    static final int RTP_AUTH = 1;
    static final int RTP_SALT = 2;
    static final int RTCP_CIPHER = 3;
    static final int RTCP_AUTH = 4;
    static final int RTCP_SALT = 5;

    public static SrtpKeys rtp(byte[] masterKey, byte[] masterSalt) throws GeneralSecurityException {
        return derive(masterKey, masterSalt, RTP_CIPHER, RTP_AUTH, RTP_SALT);
    }

    public static SrtpKeys rtcp(byte[] masterKey, byte[] masterSalt) throws GeneralSecurityException {
        return derive(masterKey, masterSalt, RTCP_CIPHER, RTCP_AUTH, RTCP_SALT);
    }

    private static SrtpKeys derive(byte[] masterKey, byte[] masterSalt, int cipher, int auth, int salt)
            throws GeneralSecurityException {
        if (masterKey.length != 16 || masterSalt.length != 14) {
            throw new IllegalArgumentException("AES_CM_128 needs a 16-byte master key and a 14-byte salt");
        }
        Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(masterKey, "AES"));
        return new SrtpKeys(prf(aes, masterSalt, cipher, 16), prf(aes, masterSalt, auth, 20),
                prf(aes, masterSalt, salt, 14));
    }

    /** {@code length} bytes of AES-CM keystream with IV = (label at byte 7) XOR salt, times 2^16. */
    static byte[] prf(Cipher aes, byte[] masterSalt, int label, int length) throws GeneralSecurityException {
        byte[] iv = new byte[16];
        System.arraycopy(masterSalt, 0, iv, 0, 14);
        iv[7] ^= (byte) label;
        return AesCounter.keystream(aes, iv, length);
    }
}
