package org.edgeway.engine.stun;

import static org.edgeway.engine.stun.StunFixtures.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.edgeway.engine.stun.attribute.IceControlledAttribute;
import org.edgeway.engine.stun.attribute.NonceAttribute;
import org.edgeway.engine.stun.attribute.PasswordAlgorithmAttribute;
import org.edgeway.engine.stun.attribute.PriorityAttribute;
import org.edgeway.engine.stun.attribute.RealmAttribute;
import org.edgeway.engine.stun.attribute.SoftwareAttribute;
import org.edgeway.engine.stun.attribute.StunAttribute;
import org.edgeway.engine.stun.attribute.UserhashAttribute;
import org.edgeway.engine.stun.attribute.UsernameAttribute;
import org.edgeway.engine.stun.attribute.XorMappedAddressAttribute;
import org.junit.jupiter.api.Test;

/** RFC 5769 test vectors and RFC 8489 Appendix B.1, byte for byte. */
class StunTestVectorsTest {

    private static final byte[] SHORT_TERM_KEY = PASSWORD_5769.getBytes(StandardCharsets.UTF_8);

    private static StunMessage decode(byte[] bytes) throws StunDecoderException {
        return StunDecoder.decodeMessage(Unpooled.wrappedBuffer(bytes));
    }

    @Test
    void sampleRequest_2_1() throws Exception {
        StunMessage m = decode(SAMPLE_REQUEST);
        assertEquals(StunClass.REQUEST, m.messageClass());
        assertEquals(StunMethod.BINDING, m.method());
        assertArrayEquals(HexFormat.of().parseHex("b7e7a701bc34d686fa87dfae"), m.transactionId());
        assertEquals("STUN test client", m.get(SoftwareAttribute.class).value());
        assertEquals(0x6e0001ffL, m.get(PriorityAttribute.class).priority());
        assertEquals(0x932ff9b151263b36L, m.get(IceControlledAttribute.class).tieBreaker());
        assertEquals("evtj:h6vY", m.get(UsernameAttribute.class).value());
        assertTrue(m.hasFingerprint(), "FINGERPRINT verified while decoding");
        assertTrue(m.verifyIntegrity(SHORT_TERM_KEY));
        assertFalse(m.verifyIntegrity("wrong".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(), m.unknownComprehensionRequired());
    }

    @Test
    void sampleIpv4Response_2_2() throws Exception {
        StunMessage m = decode(SAMPLE_IPV4_RESPONSE);
        assertEquals(StunClass.SUCCESS_RESPONSE, m.messageClass());
        assertEquals("test vector", m.get(SoftwareAttribute.class).value());
        assertEquals(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853),
                m.get(XorMappedAddressAttribute.class).address());
        assertTrue(m.verifyIntegrity(SHORT_TERM_KEY));
    }

    @Test
    void sampleIpv6Response_2_3() throws Exception {
        StunMessage m = decode(SAMPLE_IPV6_RESPONSE);
        assertEquals(new InetSocketAddress(InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), 32853),
                m.get(XorMappedAddressAttribute.class).address());
        assertTrue(m.verifyIntegrity(SHORT_TERM_KEY));
    }

    @Test
    void responsesReencodeToTheSameFieldsWithValidIntegrity() throws Exception {
        for (byte[] vector : List.of(SAMPLE_REQUEST, SAMPLE_IPV4_RESPONSE, SAMPLE_IPV6_RESPONSE)) {
            StunMessage m = decode(vector);
            StunMessage.Builder b = StunMessage.builder(m.messageClass(), m.method(), m.transactionId());
            for (StunAttribute a : m.attributes()) {
                if (a.type() != 0x0008 && a.type() != 0x8028) {
                    b.add(a);
                }
            }
            byte[] encoded = StunEncoder.encodeToBytes(
                    b.integrity(SHORT_TERM_KEY, StunMessage.Integrity.SHA1).fingerprint(true).build());
            // The vectors pad text with 0x20, we pad with zeros: same length, same fields.
            assertEquals(vector.length, encoded.length);
            StunMessage again = decode(encoded);
            assertEquals(m.attributes().subList(0, m.attributes().size() - 2),
                    again.attributes().subList(0, again.attributes().size() - 2));
            assertTrue(again.verifyIntegrity(SHORT_TERM_KEY));
        }
    }

    @Test
    void longTermRequest_2_4_decodesVerifiesAndEncodesByteForByte() throws Exception {
        StunMessage m = decode(LONG_TERM_REQUEST);
        assertEquals(USERNAME_MATRIX, m.get(UsernameAttribute.class).value());
        assertEquals(NONCE_5769, m.get(NonceAttribute.class).value());
        assertEquals(REALM_EXAMPLE, m.get(RealmAttribute.class).value());
        byte[] key = LongTermCredentials.key(PasswordAlgorithm.MD5, USERNAME_MATRIX, REALM_EXAMPLE,
                PASSWORD_MATRIX);
        assertTrue(m.verifyIntegrity(key));

        StunMessage built = StunMessage.builder(StunClass.REQUEST, StunMethod.BINDING,
                        HexFormat.of().parseHex("78ad3433c6ad72c029da412e"))
                .add(new UsernameAttribute(USERNAME_MATRIX))
                .add(new NonceAttribute(NONCE_5769))
                .add(new RealmAttribute(REALM_EXAMPLE))
                .integrity(key, StunMessage.Integrity.SHA1)
                .build();
        assertArrayEquals(LONG_TERM_REQUEST, StunEncoder.encodeToBytes(built));
    }

    @Test
    void sha256WithUserhash_8489_B1_decodesVerifiesAndEncodesByteForByte() throws Exception {
        byte[] userhash = LongTermCredentials.userhash(USERNAME_MATRIX, REALM_EXAMPLE);
        assertEquals("4a3cf38fef6992bda952c6780417da0f24819415569e60b205c46e41407f1704",
                HexFormat.of().formatHex(userhash), "USERHASH as printed in the RFC");

        StunMessage m = decode(SHA256_USERHASH_REQUEST);
        assertArrayEquals(userhash, m.get(UserhashAttribute.class).value());
        assertEquals(NONCE_8489, m.get(NonceAttribute.class).value());
        assertEquals(PasswordAlgorithm.SHA256, m.get(PasswordAlgorithmAttribute.class).known());
        assertEquals(NonceCookie.USERNAME_ANONYMITY, NonceCookie.features(NONCE_8489));
        byte[] key = LongTermCredentials.key(PasswordAlgorithm.SHA256, USERNAME_MATRIX, REALM_EXAMPLE,
                PASSWORD_MATRIX);
        assertTrue(m.verifyIntegritySha256(key));
        assertFalse(m.verifyIntegrity(key), "no SHA-1 integrity in this message");

        StunMessage built = StunMessage.builder(StunClass.REQUEST, StunMethod.BINDING,
                        HexFormat.of().parseHex("78ad3433c6ad72c029da412e"))
                .add(new UserhashAttribute(userhash))
                .add(new NonceAttribute(NONCE_8489))
                .add(new RealmAttribute(REALM_EXAMPLE))
                .add(new PasswordAlgorithmAttribute(PasswordAlgorithm.SHA256))
                .integrity(key, StunMessage.Integrity.SHA256)
                .build();
        assertArrayEquals(SHA256_USERHASH_REQUEST, StunEncoder.encodeToBytes(built));
    }

    @Test
    void anyFlippedByteFailsFingerprintOrIntegrity() throws Exception {
        for (int i = 20; i < SAMPLE_REQUEST.length - 8; i++) {
            byte[] tampered = SAMPLE_REQUEST.clone();
            tampered[i] ^= 0x01;
            int index = i;
            assertThrows(StunDecoderException.class, () -> decode(tampered), () -> "byte " + index);
        }
        byte[] tampered = LONG_TERM_REQUEST.clone();
        tampered[30] ^= 0x01; // inside USERNAME; no FINGERPRINT, so only the HMAC catches it
        StunMessage m = decode(tampered); // decodes (throws otherwise): nothing but the HMAC can tell
        assertFalse(m.verifyIntegrity(LongTermCredentials.key(PasswordAlgorithm.MD5, USERNAME_MATRIX,
                REALM_EXAMPLE, PASSWORD_MATRIX)));
    }
}
