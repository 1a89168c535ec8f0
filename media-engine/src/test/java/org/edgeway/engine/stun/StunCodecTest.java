package org.edgeway.engine.stun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Random;
import org.edgeway.engine.stun.attribute.*;
import org.junit.jupiter.api.Test;

class StunCodecTest {

    private static InetSocketAddress addr(String host, int port) throws Exception {
        return new InetSocketAddress(InetAddress.getByName(host), port);
    }

    @Test
    void messageTypeInterleavesClassAndMethodBits() {
        assertEquals(0x0001, StunMethod.messageType(StunMethod.BINDING, StunClass.REQUEST));
        assertEquals(0x0101, StunMethod.messageType(StunMethod.BINDING, StunClass.SUCCESS_RESPONSE));
        assertEquals(0x0111, StunMethod.messageType(StunMethod.BINDING, StunClass.ERROR_RESPONSE));
        assertEquals(0x0016, StunMethod.messageType(StunMethod.SEND, StunClass.INDICATION));
        assertEquals(0x0017, StunMethod.messageType(StunMethod.DATA, StunClass.INDICATION));
        assertEquals(0x0113, StunMethod.messageType(StunMethod.ALLOCATE, StunClass.ERROR_RESPONSE));
        for (int method = 0; method <= 0xFFF; method += 7) {
            for (StunClass c : StunClass.values()) {
                int t = StunMethod.messageType(method, c);
                assertEquals(method, StunMethod.methodOf(t));
                assertEquals(c, StunMethod.classOf(t));
            }
        }
    }

    @Test
    void everyAttributeRoundTrips() throws Exception {
        List<StunAttribute> all = List.of(
                new MappedAddressAttribute(addr("192.0.2.7", 1234)),
                new XorMappedAddressAttribute(addr("2001:db8::7", 5004)),
                new XorPeerAddressAttribute(addr("198.51.100.1", 40000)),
                new XorRelayedAddressAttribute(new InetSocketAddress(Inet6Address.getByAddress(null,
                        new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, (byte) 192, 0, 2, 1}, -1), 3478)),
                new AlternateServerAttribute(addr("203.0.113.9", 3478)),
                new UsernameAttribute("alice"), new RealmAttribute("TANDBERG"), new NonceAttribute("n0nce"),
                new SoftwareAttribute("Edgeway"), new AlternateDomainAttribute("turn2.example.com"),
                new ErrorCodeAttribute(438, "Stale Nonce"), new UnknownAttributesAttribute(List.of(0x7777, 0x0033)),
                new UserhashAttribute(new byte[32]), new PasswordAlgorithmAttribute(PasswordAlgorithm.MD5),
                PasswordAlgorithmsAttribute.of(List.of(PasswordAlgorithm.SHA256, PasswordAlgorithm.MD5)),
                new ChannelNumberAttribute(0x4001), new LifetimeAttribute(0xFFFFFFFFL),
                new DataAttribute(new byte[] {1, 2, 3, 4, 5}), new RequestedAddressFamilyAttribute(AddressFamily.IPV6),
                new AdditionalAddressFamilyAttribute(AddressFamily.IPV6),
                new AddressErrorCodeAttribute(2, 440, "Address Family not Supported"), new EvenPortAttribute(true),
                new RequestedTransportAttribute(17), DontFragmentAttribute.INSTANCE,
                new ReservationTokenAttribute(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}), new IcmpAttribute(3, 4, 1400),
                new PriorityAttribute(0x6e0001ffL), UseCandidateAttribute.INSTANCE, new IceControlledAttribute(-2),
                new IceControllingAttribute(42), new UnknownAttribute(0x8077, new byte[] {9, 9, 9}));
        StunMessage.Builder b = StunMessage.request(StunMethod.ALLOCATE);
        all.forEach(b::add);
        StunMessage built = b.integrity(new byte[] {1, 2, 3}, StunMessage.Integrity.BOTH).fingerprint(true).build();
        byte[] wire = StunEncoder.encodeToBytes(built);
        StunMessage decoded = StunDecoder.decodeMessage(Unpooled.wrappedBuffer(wire));
        assertEquals(all, decoded.attributes().subList(0, all.size()));
        assertTrue(decoded.verifyIntegrity(new byte[] {1, 2, 3}));
        assertTrue(decoded.verifyIntegritySha256(new byte[] {1, 2, 3}));
        assertTrue(decoded.hasFingerprint());
        assertInstanceOf(Inet6Address.class,
                decoded.get(XorRelayedAddressAttribute.class).address().getAddress(),
                "IPv4-mapped IPv6 keeps its family");
        assertArrayEquals(wire, StunEncoder.encodeToBytes(decoded.toBuilder().build()));
    }

    @Test
    void unknownComprehensionRequiredAttributesAreListedButOptionalOnesAreNot() throws Exception {
        StunMessage m = StunMessage.request(StunMethod.BINDING)
                .add(new UnknownAttribute(0x0031, new byte[4]))
                .add(new UnknownAttribute(0x8031, new byte[4])).build();
        StunMessage decoded = StunDecoder.decodeMessage(Unpooled.wrappedBuffer(StunEncoder.encodeToBytes(m)));
        assertEquals(List.of(0x0031), decoded.unknownComprehensionRequired());
    }

    @Test
    void attributesAfterMessageIntegrityAreIgnored() throws Exception {
        byte[] key = {7};
        byte[] signed = StunEncoder.encodeToBytes(StunMessage.request(StunMethod.BINDING)
                .add(new UsernameAttribute("u")).integrity(key, StunMessage.Integrity.SHA1).build());
        // Append an unknown comprehension-required attribute after MESSAGE-INTEGRITY and fix the length.
        ByteBuf buf = Unpooled.buffer().writeBytes(signed).writeShort(0x0033).writeShort(0);
        buf.setShort(2, buf.readableBytes() - 20);
        StunMessage m = StunDecoder.decodeMessage(buf);
        assertNull(m.get(0x0033));
        assertEquals(List.of(), m.unknownComprehensionRequired());
        assertTrue(m.verifyIntegrity(key), "HMAC still verifies over the part before it");
    }

    @Test
    void malformedInputIsRejectedWithoutRuntimeExceptions() {
        byte[] valid = StunEncoder.encodeToBytes(StunMessage.request(StunMethod.ALLOCATE)
                .add(new RequestedTransportAttribute(17)).add(new XorPeerAddressAttribute(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), 1))).fingerprint(true).build());
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            byte[] fuzz;
            if (i % 3 == 0) {
                fuzz = new byte[random.nextInt(80)];
                random.nextBytes(fuzz);
                if (fuzz.length >= 8) {
                    fuzz[0] &= 0x3F;
                    fuzz[4] = 0x21;
                    fuzz[5] = 0x12;
                    fuzz[6] = (byte) 0xA4;
                    fuzz[7] = 0x42;
                }
            } else {
                fuzz = valid.clone();
                for (int k = 0; k < 1 + random.nextInt(3); k++) {
                    fuzz[random.nextInt(fuzz.length)] = (byte) random.nextInt();
                }
            }
            try {
                StunDecoder.decodeMessage(Unpooled.wrappedBuffer(fuzz));
            } catch (StunDecoderException expected) {
                // fine
            }
        }
    }

    @Test
    void badAttributeValueInARequestIsAnswerableWith400() {
        ByteBuf buf = Unpooled.buffer();
        buf.writeShort(0x0003).writeShort(8).writeInt(StunMessage.MAGIC_COOKIE).writeBytes(new byte[12]);
        buf.writeShort(LifetimeAttribute.TYPE).writeShort(3).writeBytes(new byte[] {0, 0, 1, 0});
        StunDecoderException e = assertThrows(StunDecoderException.class, () -> StunDecoder.decodeMessage(buf));
        assertTrue(e.isAnswerable());
        assertEquals(StunMethod.ALLOCATE, e.header().method());
        ByteBuf notStun = Unpooled.wrappedBuffer(new byte[] {(byte) 0x80, 0, 0, 0});
        assertFalse(assertThrows(StunDecoderException.class, () -> StunDecoder.decodeMessage(notStun))
                .isAnswerable());
    }

    @Test
    void pipelineCodecsDecodeAndEncode() {
        EmbeddedChannel ch = new EmbeddedChannel(new StunDecoder(1500), StunEncoder.INSTANCE);
        StunMessage m = StunMessage.request(StunMethod.BINDING).fingerprint(true).build();
        assertTrue(ch.writeOutbound(m));
        ByteBuf encoded = ch.readOutbound();
        assertTrue(ch.writeInbound(encoded));
        StunMessage back = ch.readInbound();
        assertTrue(back.hasFingerprint());
        assertEquals(1, back.attributes().size());
        assertArrayEquals(m.transactionId(), back.transactionId());
        assertFalse(ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {1, 2, 3})), "garbage dropped");
        assertFalse(ch.finish());
    }

    @Test
    void nonceCookieEncodesTheSecurityFeatures() {
        String prefix = NonceCookie.prefix(NonceCookie.PASSWORD_ALGORITHMS | NonceCookie.USERNAME_ANONYMITY);
        assertEquals("obMatJos2AAAD", prefix);
        assertEquals(3, NonceCookie.features(prefix + "rest"));
        assertEquals(-1, NonceCookie.features("plainnonce"));
        assertEquals(-1, NonceCookie.features("obMatJos2"));
    }
}
