package org.edgeway.engine.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;

/** AES in counter mode as RFC 3711 4.1.1 uses it: the low 16 bits of the IV count the 128-bit blocks. */
final class AesCounter {

    private AesCounter() {
    }

    /** {@code length} bytes of keystream from {@code iv} (its last two bytes are the block counter, from 0). */
    static byte[] keystream(Cipher aes, byte[] iv, int length) throws GeneralSecurityException {
        byte[] out = new byte[length];
        byte[] counter = iv.clone();
        byte[] block = new byte[16];
        for (int at = 0, n = 0; at < length; at += 16, n++) {
            counter[14] = (byte) (iv[14] ^ (n >>> 8));
            counter[15] = (byte) (iv[15] ^ n);
            aes.doFinal(counter, 0, 16, block, 0);
            System.arraycopy(block, 0, out, at, Math.min(16, length - at));
        }
        return out;
    }

    /** XORs the keystream of {@code iv} into {@code data[offset..offset+length)}. */
    static void apply(Cipher aes, byte[] iv, byte[] data, int offset, int length) throws GeneralSecurityException {
        byte[] stream = keystream(aes, iv, length);
        for (int i = 0; i < length; i++) {
            data[offset + i] ^= stream[i];
        }
    }
}
