package org.edgeway.engine.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** RFC 3711 appendix B test vectors (AES-CM keystream, key derivation), then protect/unprotect round trips. */
class SrtpTest {

    private static final HexFormat HEX = HexFormat.of();

    private static byte[] hex(String s) {
        return HEX.parseHex(s.replace(" ", ""));
    }

    /** B.2: AES-CM keystream for session key 2B7E...; IV F0F1...FCFD0000. */
    @Test
    void aesCounterModeKeystreamMatchesAppendixB2() throws Exception {
        Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(hex("2B7E151628AED2A6ABF7158809CF4F3C"), "AES"));
        byte[] stream = AesCounter.keystream(aes, hex("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000"), 16 * 0xFF02);
        assertEquals("e03ead0935c95e80e166b16dd92b4eb4", HEX.formatHex(stream, 0, 16));
        assertEquals("d23513162b02d0f72a43a2fe4a5f97ab", HEX.formatHex(stream, 16, 32));
        assertEquals("41e95b3bb0a2e8dd477901e4fca894c0", HEX.formatHex(stream, 32, 48));
        assertEquals("ec8cdf7398607cb0f2d21675ea9ea1e4", HEX.formatHex(stream, 0xFEFF * 16, 0xFF00 * 16));
        assertEquals("362b7c3c6773516318a077d7fc5073ae", HEX.formatHex(stream, 0xFF00 * 16, 0xFF01 * 16));
        assertEquals("6a2cc3787889374fbeb4c81b17ba6c44", HEX.formatHex(stream, 0xFF01 * 16, 0xFF02 * 16));
    }

    /** B.3: session keys from master key E1F9...4139 and master salt 0EC6...E6. */
    @Test
    void keyDerivationMatchesAppendixB3() throws Exception {
        SrtpKeys keys = SrtpKeys.rtp(hex("E1F97A0D3E018BE0D64FA32C06DE4139"), hex("0EC675AD498AFEEBB6960B3AABE6"));
        assertEquals("c61e7a93744f39ee10734afe3ff7a087", HEX.formatHex(keys.cipherKey()));
        assertEquals("30cbbc08863d8c85d49db34a9ae1", HEX.formatHex(keys.salt()));
        assertEquals("cebe321f6ff7716b6fd4ab49af256a156d38baa4", HEX.formatHex(keys.authKey()));
    }

    @Test
    void rtpRoundTripsAndRefusesTampering() throws Exception {
        byte[] key = hex("E1F97A0D3E018BE0D64FA32C06DE4139");
        byte[] salt = hex("0EC675AD498AFEEBB6960B3AABE6");
        SrtpContext sender = new SrtpContext(key, salt);
        SrtpContext receiver = new SrtpContext(key, salt);
        for (int seq : new int[] {65534, 65535, 0, 1}) { // across the rollover
            byte[] rtp = rtp(seq);
            byte[] srtp = sender.protectRtp(rtp);
            assertEquals(rtp.length + 10, srtp.length);
            assertFalse(Arrays.equals(Arrays.copyOfRange(rtp, 12, rtp.length),
                    Arrays.copyOfRange(srtp, 12, rtp.length)), "payload encrypted");
            assertArrayEquals(Arrays.copyOf(rtp, 12), Arrays.copyOf(srtp, 12), "header in clear");
            assertArrayEquals(rtp, receiver.unprotectRtp(srtp));
        }
        byte[] srtp = sender.protectRtp(rtp(2));
        srtp[20] ^= 1;
        assertThrows(SrtpException.class, () -> receiver.unprotectRtp(srtp));
        SrtpContext otherKey = new SrtpContext(hex("00F97A0D3E018BE0D64FA32C06DE4139"), salt);
        assertThrows(SrtpException.class, () -> otherKey.unprotectRtp(sender.protectRtp(rtp(3))));
    }

    @Test
    void rtcpRoundTrips() throws Exception {
        byte[] key = hex("E1F97A0D3E018BE0D64FA32C06DE4139");
        byte[] salt = hex("0EC675AD498AFEEBB6960B3AABE6");
        SrtpContext sender = new SrtpContext(key, salt);
        SrtpContext receiver = new SrtpContext(key, salt);
        byte[] rr = hex("81C90007 00005678 00001234 00000011 00000064 000000A0 00000000 00000000");
        byte[] srtcp = sender.protectRtcp(rr);
        assertEquals(rr.length + 14, srtcp.length);
        assertEquals(0x80, srtcp[rr.length] & 0x80, "E flag: encrypted");
        assertArrayEquals(rr, receiver.unprotectRtcp(srtcp));
        srtcp[9] ^= 1;
        assertThrows(SrtpException.class, () -> receiver.unprotectRtcp(srtcp));
    }

    @Test
    void sdesCryptoLinesParseAndFormat() {
        SdesCrypto c = SdesCrypto.parse(
                "1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz|2^20|1:4");
        assertEquals(1, c.tag());
        assertEquals(16, c.key().length);
        assertEquals(14, c.salt().length);
        SdesCrypto again = SdesCrypto.parse(c.value());
        assertArrayEquals(c.key(), again.key());
        assertArrayEquals(c.salt(), again.salt());
        assertEquals("1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz", c.value());
        assertEquals(null, SdesCrypto.parse("1 AES_CM_128_HMAC_SHA1_32 inline:"
                + "WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz"));
        assertEquals(null, SdesCrypto.parse("1 AES_CM_128_HMAC_SHA1_80 inline:c2hvcnQ="));
        assertFalse(Arrays.equals(SdesCrypto.generate(1).key(), SdesCrypto.generate(1).key()), "a key per leg");
    }

    private static byte[] rtp(int seq) {
        byte[] p = new byte[172];
        p[0] = (byte) 0x80;
        p[2] = (byte) (seq >>> 8);
        p[3] = (byte) seq;
        p[11] = 0x42;
        for (int i = 12; i < p.length; i++) {
            p[i] = (byte) (i * 7 + seq);
        }
        return p;
    }
}
