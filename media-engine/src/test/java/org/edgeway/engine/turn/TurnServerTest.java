package org.edgeway.engine.turn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.edgeway.engine.Engine;
import org.edgeway.engine.EngineEvent;
import org.edgeway.engine.TestPorts;
import org.edgeway.engine.stun.LongTermCredentials;
import org.edgeway.engine.stun.MessageIntegrity;
import org.edgeway.engine.stun.NonceCookie;
import org.edgeway.engine.stun.PasswordAlgorithm;
import org.edgeway.engine.stun.StunClass;
import org.edgeway.engine.stun.StunDecoder;
import org.edgeway.engine.stun.StunEncoder;
import org.edgeway.engine.stun.StunErrorCode;
import org.edgeway.engine.stun.StunMessage;
import org.edgeway.engine.stun.StunMethod;
import org.edgeway.engine.stun.attribute.*;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** TURN protocol behaviour over real loopback sockets, driven by a client built on our own codec. */
class TurnServerTest {

    private final List<EngineEvent> events = new CopyOnWriteArrayList<>();
    private Engine engine;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    private InetSocketAddress start(java.util.function.UnaryOperator<TurnConfig.Builder> customize) {
        engine = TurnTestSupport.start(customize, events::add);
        return TurnTestSupport.udp(engine);
    }

    private InetSocketAddress start() {
        return start(b -> b);
    }

    private static InetSocketAddress relayed(StunMessage allocateResponse) {
        return allocateResponse.get(XorRelayedAddressAttribute.class).address();
    }

    @Test
    void allocateRequiresLongTermCredentialsAndSignsTheAnswer() throws Exception {
        InetSocketAddress server = start();
        try (TestTurnClient c = TestTurnClient.udp(server)) {
            StunMessage challenge = c.request(StunMessage.request(StunMethod.ALLOCATE)
                    .add(new RequestedTransportAttribute(17)).build());
            assertEquals(StunErrorCode.UNAUTHENTICATED, challenge.errorCode());
            assertEquals("TANDBERG", challenge.get(RealmAttribute.class).value());
            String nonce = challenge.get(NonceAttribute.class).value();
            assertEquals(NonceCookie.PASSWORD_ALGORITHMS | NonceCookie.USERNAME_ANONYMITY, NonceCookie.features(nonce));
            assertEquals(List.of(2, 1), challenge.get(PasswordAlgorithmsAttribute.class).algorithms());

            StunMessage ok = c.allocate(new LifetimeAttribute(5000));
            assertEquals(StunClass.SUCCESS_RESPONSE, ok.messageClass(), ok::toString);
            assertTrue(ok.verifyIntegrity(c.key()), "response signed with MESSAGE-INTEGRITY for an RFC 5389 client");
            assertEquals(3600, ok.get(LifetimeAttribute.class).seconds(), "capped at the maximum");
            assertEquals(c.localAddress(), ok.get(XorMappedAddressAttribute.class).address());
            assertEquals(InetAddress.getLoopbackAddress(), relayed(ok).getAddress());
            assertTrue(ok.hasFingerprint());
        }
        assertTrue(events.stream().anyMatch(e -> e instanceof TurnEvent.AllocationCreated a
                && a.username().equals("alice") && a.transport().equals("UDP")));
    }

    private TurnSnapshot.Counters counters() {
        return engine.snapshot().<TurnSnapshot>service(TurnService.KEY).counters();
    }

    /**
     * Automated protection's blocks at the UDP listener: a blocked source's requests are dropped before any
     * processing (counted as dropped, never as requests), other sources are served while a block is in place, and
     * the source is served again once unblocked.
     */
    @Test
    void aBlockedSourceIsDroppedAtTheListenerAndServedOnceUnblocked() throws Exception {
        InetSocketAddress server = start();
        InetAddress blocked = InetAddress.getByName("127.0.0.2");
        try (TestTurnClient allowed = TestTurnClient.udp(server);
                DatagramSocket intruder = new DatagramSocket(new InetSocketAddress(blocked, 0))) {
            engine.blockSources(org.edgeway.engine.net.BlockedSources.of(List.of("127.0.0.2")));
            TurnSnapshot.Counters before = counters();
            byte[] binding = StunEncoder.encodeToBytes(StunMessage.request(StunMethod.BINDING).build());
            intruder.send(new DatagramPacket(binding, binding.length, server));
            org.edgeway.engine.Await.until(() -> counters().dropped() == before.dropped() + 1, Duration.ofSeconds(10),
                    "the blocked datagram counted as dropped");
            assertEquals(before.requests(), counters().requests(), "never processed as a request");

            assertEquals(StunClass.SUCCESS_RESPONSE, allowed.allocate().messageClass(), "others are served");

            engine.blockSources(org.edgeway.engine.net.BlockedSources.NONE);
            long requestsBefore = counters().requests();
            intruder.setSoTimeout(5000);
            StunMessage request = StunMessage.request(StunMethod.BINDING).build();
            byte[] again = StunEncoder.encodeToBytes(request);
            intruder.send(new DatagramPacket(again, again.length, server));
            DatagramPacket answer = new DatagramPacket(new byte[1500], 1500);
            intruder.receive(answer);
            StunMessage response = StunDecoder.decodeMessage(
                    Unpooled.wrappedBuffer(answer.getData(), 0, answer.getLength()));
            assertArrayEquals(request.transactionId(), response.transactionId(), "the unblocked source is answered");
            assertEquals(requestsBefore + 1, counters().requests(), "processed as a request now");
        }
    }

    @Test
    void wrongPasswordGets401() throws Exception {
        InetSocketAddress server = start();
        try (TestTurnClient c = TestTurnClient.udp(server)) {
            c.password = "wrong";
            StunMessage r = c.allocate();
            assertEquals(StunErrorCode.UNAUTHENTICATED, r.errorCode());
            assertNotNull(r.get(NonceAttribute.class));
            assertFalse(r.hasIntegrity());
            c.username = "mallory";
            assertEquals(StunErrorCode.UNAUTHENTICATED, c.allocate().errorCode());
        }
    }

    @Test
    void staleNonceGets438ThenSucceedsWithTheFreshNonce() throws Exception {
        // long enough that the fresh nonce is still valid when a busy machine gets round to using it
        Duration lifetime = Duration.ofSeconds(2);
        InetSocketAddress server = start(b -> b.nonceLifetime(lifetime));
        try (TestTurnClient c = TestTurnClient.udp(server)) {
            long sent = System.nanoTime();
            StunMessage first = c.request(StunMessage.request(StunMethod.ALLOCATE)
                    .add(new RequestedTransportAttribute(17)).build());
            c.realm = first.get(RealmAttribute.class).value();
            c.nonce = first.get(NonceAttribute.class).value();
            // the server issued the nonce after we sent, so once the lifetime has passed since then it is stale
            long staleAt = sent + lifetime.toNanos() + 100_000_000L;
            assertTrue(TurnTestSupport.await(() -> System.nanoTime() >= staleAt, 10));
            StunMessage stale = c.request(c.sign(StunMessage.request(StunMethod.ALLOCATE)
                    .add(new RequestedTransportAttribute(17))));
            assertEquals(StunErrorCode.STALE_NONCE, stale.errorCode());
            String fresh = stale.get(NonceAttribute.class).value();
            assertNotEquals(c.nonce, fresh);
            assertNotNull(stale.get(RealmAttribute.class));
            assertNotNull(stale.get(PasswordAlgorithmsAttribute.class));
            c.nonce = fresh;
            StunMessage ok = c.request(c.sign(StunMessage.request(StunMethod.ALLOCATE)
                    .add(new RequestedTransportAttribute(17))));
            assertEquals(StunClass.SUCCESS_RESPONSE, ok.messageClass(), ok::toString);
        }
    }

    @Test
    void secondAllocateOnTheSameFiveTupleGets437AndARetransmitGetsTheSameAnswer() throws Exception {
        InetSocketAddress server = start();
        try (TestTurnClient c = TestTurnClient.udp(server)) {
            assertEquals(StunClass.SUCCESS_RESPONSE, c.allocate().messageClass());
            StunMessage retransmit = c.sign(StunMessage.request(StunMethod.ALLOCATE)
                    .add(new RequestedTransportAttribute(17)));
            // first send creates nothing new: a different transaction gets 437
            assertEquals(StunErrorCode.ALLOCATION_MISMATCH, c.request(retransmit).errorCode());
        }
        try (TestTurnClient c = TestTurnClient.udp(server)) {
            assertEquals(StunClass.SUCCESS_RESPONSE, c.allocate().messageClass()); // learn nonce (first allocate succeeds)
        }
        try (TestTurnClient c = TestTurnClient.udp(server)) {
            StunMessage challenge = c.request(StunMessage.request(StunMethod.BINDING).build());
            c.realm = challenge.get(RealmAttribute.class).value();
            c.nonce = challenge.get(NonceAttribute.class).value();
            StunMessage request = c.sign(StunMessage.request(StunMethod.ALLOCATE)
                    .add(new RequestedTransportAttribute(17)));
            StunMessage a = c.request(request);
            StunMessage b = c.request(request);
            assertEquals(StunClass.SUCCESS_RESPONSE, b.messageClass());
            assertEquals(relayed(a), relayed(b), "retransmission answered with the original response");
        }
    }

    @Test
    void userQuotaGets486AndFullServerGets508Or300() throws Exception {
        InetSocketAddress server = start(b -> b.userQuota(1).maxRelays(2));
        try (TestTurnClient a = TestTurnClient.udp(server); TestTurnClient b = TestTurnClient.udp(server);
                TestTurnClient bob = TestTurnClient.udp(server); TestTurnClient bob2 = TestTurnClient.udp(server)) {
            assertEquals(StunClass.SUCCESS_RESPONSE, a.allocate().messageClass());
            assertEquals(StunErrorCode.ALLOCATION_QUOTA_REACHED, b.allocate().errorCode());
            bob.username = "bob";
            bob.password = "bobpass";
            assertEquals(StunClass.SUCCESS_RESPONSE, bob.allocate().messageClass());
            bob2.username = "bob";
            bob2.password = "bobpass";
            StunMessage full = bob2.allocate();
            assertEquals(StunErrorCode.ALLOCATION_QUOTA_REACHED, full.errorCode(), "quota checked first");
        }
        engine.close();
        server = start(b -> b.maxRelays(1).alternateServers(List.of(
                new TurnConfig.AlternateServer("192.0.2.10", 3478, 5),
                new TurnConfig.AlternateServer("192.0.2.11", 3478, 900),
                new TurnConfig.AlternateServer("2001:db8::1", 3478, 5000))));
        try (TestTurnClient a = TestTurnClient.udp(server); TestTurnClient b = TestTurnClient.udp(server)) {
            assertEquals(StunClass.SUCCESS_RESPONSE, a.allocate().messageClass());
            StunMessage redirect = b.allocate();
            assertEquals(StunErrorCode.TRY_ALTERNATE, redirect.errorCode());
            assertEquals(new InetSocketAddress(InetAddress.getByName("192.0.2.11"), 3478),
                    redirect.get(AlternateServerAttribute.class).address(), "IPv4 peer with most free relays");
            assertTrue(redirect.verifyIntegrity(b.key()), "300 is authenticated");
        }
        engine.close();
        server = start(b -> b.maxRelays(1));
        try (TestTurnClient a = TestTurnClient.udp(server); TestTurnClient b = TestTurnClient.udp(server)) {
            assertEquals(StunClass.SUCCESS_RESPONSE, a.allocate().messageClass());
            assertEquals(StunErrorCode.INSUFFICIENT_CAPACITY, b.allocate().errorCode());
            StunMessage delete = a.authenticated(StunMethod.REFRESH, new LifetimeAttribute(0));
            assertEquals(0, delete.get(LifetimeAttribute.class).seconds());
            assertEquals(StunClass.SUCCESS_RESPONSE, b.allocate().messageClass(), "capacity released");
        }
    }

    @Test
    void forbiddenPeersGet403() throws Exception {
        InetSocketAddress server = start(b -> b.peerAllow(List.of()));
        try (TestTurnClient c = TestTurnClient.udp(server)) {
            assertEquals(StunClass.SUCCESS_RESPONSE, c.allocate().messageClass());
            for (String peer : List.of("127.0.0.1", "0.0.0.0", "169.254.1.1", "224.0.0.1", "255.255.255.255",
                    "240.0.0.1")) {
                StunMessage r = c.authenticated(StunMethod.CREATE_PERMISSION,
                        new XorPeerAddressAttribute(new InetSocketAddress(InetAddress.getByName(peer), 5000)));
                assertEquals(StunErrorCode.FORBIDDEN, r.errorCode(), peer);
            }
            InetSocketAddress mapped = new InetSocketAddress(Inet6Address.getByAddress(null,
                    new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 127, 0, 0, 1}, -1), 5000);
            assertEquals(StunErrorCode.PEER_ADDRESS_FAMILY_MISMATCH, c.authenticated(StunMethod.CREATE_PERMISSION,
                    new XorPeerAddressAttribute(mapped)).errorCode(), "IPv6 peer on an IPv4 relay");
            assertEquals(StunClass.SUCCESS_RESPONSE, c.authenticated(StunMethod.CREATE_PERMISSION,
                    new XorPeerAddressAttribute(new InetSocketAddress(InetAddress.getByName("10.1.2.3"), 5000)))
                    .messageClass(), "private peers allowed");
        }
        engine.close();
        server = start(); // loopback allowed, but never the server's own listening address
        try (TestTurnClient c = TestTurnClient.udp(server)) {
            assertEquals(StunClass.SUCCESS_RESPONSE, c.allocate().messageClass());
            assertEquals(StunErrorCode.FORBIDDEN, c.authenticated(StunMethod.CHANNEL_BIND,
                    new ChannelNumberAttribute(0x4000), new XorPeerAddressAttribute(server)).errorCode());
        }
    }

    @Test
    void unknownComprehensionRequiredAttributeGets420() throws Exception {
        InetSocketAddress server = start();
        try (TestTurnClient c = TestTurnClient.udp(server)) {
            StunMessage r = c.allocate(new UnknownAttribute(0x7F31, new byte[] {1, 2, 3, 4}),
                    new UnknownAttribute(0xBF31, new byte[] {1}));
            assertEquals(StunErrorCode.UNKNOWN_ATTRIBUTE, r.errorCode());
            assertEquals(List.of(0x7F31), r.get(UnknownAttributesAttribute.class).types());
            assertTrue(r.verifyIntegrity(c.key()));
        }
    }

    @Test
    void malformedDatagramsAreDroppedOrAnswered400AndValidRequestsStillWork() throws Exception {
        InetSocketAddress server = start();
        try (TestTurnClient c = TestTurnClient.udp(server)) {
            java.util.Random random = new java.util.Random(7);
            for (int i = 0; i < 300; i++) {
                byte[] junk = new byte[1 + random.nextInt(200)];
                random.nextBytes(junk);
                if (i % 3 == 0) {
                    junk[0] = 0x00; // STUN-looking
                } else if (i % 3 == 1) {
                    junk[0] = 0x40; // ChannelData-looking
                }
                c.sendRaw(junk);
            }
            // A request with a valid header but a truncated LIFETIME gets 400.
            io.netty.buffer.ByteBuf bad = Unpooled.buffer();
            bad.writeShort(0x0003).writeShort(8).writeInt(StunMessage.MAGIC_COOKIE).writeBytes(new byte[12]);
            bad.writeShort(LifetimeAttribute.TYPE).writeShort(2).writeShort(1).writeShort(0);
            byte[] badBytes = new byte[bad.readableBytes()];
            bad.readBytes(badBytes);
            c.sendRaw(badBytes);
            byte[] answer = c.receiveRaw();
            assertNotNull(answer);
            assertEquals(StunErrorCode.BAD_REQUEST,
                    StunDecoder.decodeMessage(Unpooled.wrappedBuffer(answer)).errorCode());
            StunMessage ok = c.allocate();
            assertEquals(StunClass.SUCCESS_RESPONSE, ok.messageClass());
        }
        TurnSnapshot s = engine.snapshot().service(TurnService.KEY);
        assertTrue(s.counters().malformed() > 0, s.counters()::toString);
    }

    @Test
    void unsupportedTransportGets442AndUnknownFamily440() throws Exception {
        InetSocketAddress server = start(b -> b.relayAddressV6(null));
        try (TestTurnClient c = TestTurnClient.udp(server)) {
            StunMessage r = c.authenticated(StunMethod.ALLOCATE, new RequestedTransportAttribute(6));
            assertEquals(StunErrorCode.UNSUPPORTED_TRANSPORT_PROTOCOL, r.errorCode());
            assertEquals(StunErrorCode.ADDRESS_FAMILY_NOT_SUPPORTED,
                    c.allocate(new RequestedAddressFamilyAttribute(0x07)).errorCode());
            assertEquals(StunErrorCode.BAD_REQUEST, c.allocate(new EvenPortAttribute(false),
                    new ReservationTokenAttribute(new byte[8])).errorCode());
            assertEquals(StunErrorCode.BAD_REQUEST, c.authenticated(StunMethod.ALLOCATE).errorCode(),
                    "REQUESTED-TRANSPORT missing");
            assertEquals(StunErrorCode.ALLOCATION_MISMATCH,
                    c.authenticated(StunMethod.REFRESH).errorCode(), "no allocation yet");
        }
    }

    @Test
    void unauthenticatedBindingIsRefusedByDefaultAndAnsweredWhenAllowed() throws Exception {
        InetSocketAddress server = start();
        try (TestTurnClient c = TestTurnClient.udp(server)) {
            StunMessage r = c.request(StunMessage.request(StunMethod.BINDING).build());
            assertEquals(StunErrorCode.UNAUTHENTICATED, r.errorCode());
            assertNull(r.get(XorMappedAddressAttribute.class));
            StunMessage authenticated = c.authenticated(StunMethod.BINDING);
            assertEquals(c.localAddress(), authenticated.get(XorMappedAddressAttribute.class).address());
        }
        engine.close();
        server = start(b -> b.allowUnauthenticatedStunBinding(true));
        try (TestTurnClient c = TestTurnClient.udp(server)) {
            StunMessage r = c.request(StunMessage.request(StunMethod.BINDING).build());
            assertEquals(c.localAddress(), r.get(XorMappedAddressAttribute.class).address());
        }
    }

    @Test
    void relaysBetweenTwoAllocationsWithChannelsAndIndicationsAndReportsIt() throws Exception {
        InetSocketAddress server = start();
        try (TestTurnClient a = TestTurnClient.udp(server); TestTurnClient b = TestTurnClient.udp(server)) {
            InetSocketAddress relayA = relayed(a.allocate());
            InetSocketAddress relayB = relayed(b.allocate());
            assertEquals(StunClass.SUCCESS_RESPONSE, a.authenticated(StunMethod.CHANNEL_BIND,
                    new ChannelNumberAttribute(0x4001), new XorPeerAddressAttribute(relayB)).messageClass());
            assertEquals(StunClass.SUCCESS_RESPONSE, b.authenticated(StunMethod.CREATE_PERMISSION,
                    new XorPeerAddressAttribute(relayA)).messageClass());
            // same channel to another peer, or same peer to another channel: 400 (RFC 8656 section 11.2)
            assertEquals(StunErrorCode.BAD_REQUEST, a.authenticated(StunMethod.CHANNEL_BIND,
                    new ChannelNumberAttribute(0x4001), new XorPeerAddressAttribute(relayA)).errorCode());
            assertEquals(StunErrorCode.BAD_REQUEST, a.authenticated(StunMethod.CHANNEL_BIND,
                    new ChannelNumberAttribute(0x4002), new XorPeerAddressAttribute(relayB)).errorCode());
            assertEquals(StunErrorCode.BAD_REQUEST, a.authenticated(StunMethod.CHANNEL_BIND,
                    new ChannelNumberAttribute(0x3FFF), new XorPeerAddressAttribute(relayB)).errorCode());

            // A -> B over ChannelData: B gets a Data indication from relayA
            byte[] payload = "hello over channel".getBytes(StandardCharsets.UTF_8);
            byte[] cd = new byte[4 + payload.length];
            cd[0] = 0x40;
            cd[1] = 0x01;
            cd[3] = (byte) payload.length;
            System.arraycopy(payload, 0, cd, 4, payload.length);
            a.sendRaw(cd);
            StunMessage data = StunDecoder.decodeMessage(Unpooled.wrappedBuffer(b.receiveRaw()));
            assertEquals(StunMethod.DATA, data.method());
            assertEquals(StunClass.INDICATION, data.messageClass());
            assertEquals(relayA, data.get(XorPeerAddressAttribute.class).address());
            assertArrayEquals(payload, data.get(DataAttribute.class).data());

            // B -> A with a Send indication: A gets ChannelData on its channel
            byte[] back = "and back".getBytes(StandardCharsets.UTF_8);
            b.sendRaw(StunEncoder.encodeToBytes(StunMessage.builder(StunClass.INDICATION, StunMethod.SEND)
                    .add(new XorPeerAddressAttribute(relayA)).add(new DataAttribute(back)).build()));
            byte[] got = a.receiveRaw();
            assertEquals(0x4001, ((got[0] & 0xFF) << 8) | (got[1] & 0xFF));
            assertEquals(back.length, got[3]);
            assertEquals("and back", new String(got, 4, back.length, StandardCharsets.UTF_8));

            // no permission installed on D: data sent to D's relay is dropped (permissions are per IP)
            try (TestTurnClient stranger = TestTurnClient.udp(server); TestTurnClient d = TestTurnClient.udp(server)) {
                assertEquals(StunClass.SUCCESS_RESPONSE, stranger.allocate().messageClass());
                InetSocketAddress relayD = relayed(d.allocate());
                stranger.authenticated(StunMethod.CREATE_PERMISSION, new XorPeerAddressAttribute(relayD));
                stranger.sendRaw(StunEncoder.encodeToBytes(StunMessage.builder(StunClass.INDICATION, StunMethod.SEND)
                        .add(new XorPeerAddressAttribute(relayD)).add(new DataAttribute(back)).build()));
                assertNull(d.receiveRaw(), "D has no permission for the stranger");
            }

            TurnSnapshot s = engine.snapshot().service(TurnService.KEY);
            assertEquals(4, s.activeRelays(), "UDP allocations outlive their client sockets");
            assertEquals(1, s.activeClients(), "one client IP and username");
            TurnSnapshot.RelayView viewA = s.relays().stream()
                    .filter(v -> v.clientAddress().equals("127.0.0.1:" + a.localAddress().getPort())).findFirst()
                    .orElseThrow();
            assertEquals(1, viewA.packetsFromClient());
            assertEquals(payload.length, viewA.bytesFromClient());
            assertEquals(1, viewA.packetsToClient());
            assertEquals(List.of(0x4001), viewA.channels().stream().map(TurnSnapshot.ChannelView::channel).toList());
            assertEquals("127.0.0.1", viewA.permissions().get(0).peerAddress());
            assertTrue(viewA.lifetimeLeft().compareTo(Duration.ofSeconds(590)) > 0);
            assertEquals("alice", viewA.username());
            assertEquals("UDP", viewA.transport());

            assertEquals(0, a.authenticated(StunMethod.REFRESH, new LifetimeAttribute(0))
                    .get(LifetimeAttribute.class).seconds());
        }
        assertTrue(events.stream().anyMatch(e -> e instanceof TurnEvent.AllocationDeleted d
                && d.reason().equals("refresh 0") && d.packetsRelayed() == 2));
    }

    @Test
    void relaysToAndFromAnExternalPeerByteForByteInBursts() throws Exception {
        InetSocketAddress server = start();
        InetAddress loopback = InetAddress.getLoopbackAddress();
        int peerPorts = TestPorts.range(2);
        try (TestTurnClient a = TestTurnClient.udp(server);
                DatagramSocket peer = new DatagramSocket(new InetSocketAddress(loopback, peerPorts));
                DatagramSocket other = new DatagramSocket(new InetSocketAddress(loopback, peerPorts + 1))) {
            peer.setSoTimeout(2000);
            InetSocketAddress relay = relayed(a.allocate());
            InetSocketAddress peerAddress = (InetSocketAddress) peer.getLocalSocketAddress();
            assertEquals(StunClass.SUCCESS_RESPONSE, a.authenticated(StunMethod.CHANNEL_BIND,
                    new ChannelNumberAttribute(0x4001), new XorPeerAddressAttribute(peerAddress)).messageClass());

            // client -> peer: a burst of ChannelData of many sizes, each arriving from the relay exactly as sent
            int count = 40;
            Set<String> sent = new HashSet<>();
            for (int i = 0; i < count; i++) {
                byte[] payload = payload(i, 1 + i * 37 % 1400);
                sent.add(Base64.getEncoder().encodeToString(payload));
                byte[] cd = new byte[4 + payload.length];
                cd[0] = 0x40;
                cd[1] = 0x01;
                cd[2] = (byte) (payload.length >> 8);
                cd[3] = (byte) payload.length;
                System.arraycopy(payload, 0, cd, 4, payload.length);
                a.sendRaw(cd);
            }
            Set<String> atPeer = new HashSet<>();
            for (int i = 0; i < count; i++) {
                DatagramPacket p = new DatagramPacket(new byte[2048], 2048);
                peer.receive(p);
                assertEquals(relay, p.getSocketAddress());
                atPeer.add(Base64.getEncoder().encodeToString(Arrays.copyOf(p.getData(), p.getLength())));
            }
            assertEquals(sent, atPeer);

            // peer -> client: a burst (several datagrams per receive call), then one larger than the relay accepts
            // (dropped), then one from another port of the permitted IP without a channel (a Data indication)
            Set<String> back = new HashSet<>();
            for (int i = 0; i < count; i++) {
                byte[] payload = payload(100 + i, 1 + i * 53 % 1400);
                back.add(Base64.getEncoder().encodeToString(payload));
                peer.send(new DatagramPacket(payload, payload.length, relay));
            }
            peer.send(new DatagramPacket(new byte[5000], 5000, relay));
            byte[] last = "from another port".getBytes(StandardCharsets.UTF_8);
            Set<String> atClient = new HashSet<>();
            while (atClient.size() < count) {
                byte[] got = a.receiveRaw();
                assertNotNull(got, "ChannelData " + atClient.size() + " of " + count);
                if ((got[0] & 0xC0) == 0) {
                    continue; // a late answer to a retransmitted request (busy host)
                }
                assertEquals(0x4001, ((got[0] & 0xFF) << 8) | (got[1] & 0xFF));
                int length = ((got[2] & 0xFF) << 8) | (got[3] & 0xFF);
                assertEquals(got.length - 4, length, "UDP ChannelData is not padded");
                atClient.add(Base64.getEncoder().encodeToString(Arrays.copyOfRange(got, 4, got.length)));
            }
            assertEquals(back, atClient);
            other.send(new DatagramPacket(last, last.length, relay));
            StunMessage data = StunDecoder.decodeMessage(Unpooled.wrappedBuffer(a.receiveRaw()));
            while (data.messageClass() != StunClass.INDICATION) {
                data = StunDecoder.decodeMessage(Unpooled.wrappedBuffer(a.receiveRaw()));
            }
            assertEquals(StunMethod.DATA, data.method());
            assertEquals(other.getLocalSocketAddress(), data.get(XorPeerAddressAttribute.class).address());
            assertArrayEquals(last, data.get(DataAttribute.class).data());

            // the relay counts a datagram once its send returned: the client may read it a moment before that
            TurnSnapshot.RelayView view = engine.snapshot().service(TurnService.KEY).relays().get(0);
            long counted = System.nanoTime() + 5_000_000_000L;
            while (view.packetsToClient() < count + 1 && System.nanoTime() < counted) {
                Thread.onSpinWait();
                view = engine.snapshot().service(TurnService.KEY).relays().get(0);
            }
            assertEquals(count, view.packetsFromClient());
            assertEquals(count + 1, view.packetsToClient());
            assertEquals(1, view.packetsDropped(), "the oversized datagram");

            // deleted: the relay socket is closed (its port leaves the kernel's table) and relays nothing more
            assertEquals(0, a.authenticated(StunMethod.REFRESH, new LifetimeAttribute(0))
                    .get(LifetimeAttribute.class).seconds());
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (udpPortOpen(relay.getPort()) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertFalse(udpPortOpen(relay.getPort()), "relay socket still open after the allocation was deleted");
            peer.send(new DatagramPacket(last, last.length, relay));
            for (byte[] got = a.receiveRaw(); got != null; got = a.receiveRaw()) {
                // only late answers to retransmitted requests may still come
                assertTrue((got[0] & 0xC0) == 0 && StunDecoder.decodeMessage(Unpooled.wrappedBuffer(got))
                        .messageClass() != StunClass.INDICATION, "relayed after the allocation was deleted");
            }
        }
    }

    /** Whether a UDP socket of this host is bound to {@code port} (Linux: /proc/net/udp and udp6). */
    private static boolean udpPortOpen(int port) throws java.io.IOException {
        String local = String.format(":%04X ", port);
        for (String table : List.of("/proc/net/udp", "/proc/net/udp6")) {
            java.nio.file.Path path = java.nio.file.Path.of(table);
            if (java.nio.file.Files.exists(path) && java.nio.file.Files.readAllLines(path).stream()
                    .anyMatch(line -> line.trim().split("\\s+")[1].endsWith(local.trim()))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] payload(int seed, int length) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void tcpClientsGetPaddedChannelDataAndTheAllocationDiesWithTheConnection() throws Exception {
        start();
        InetSocketAddress tcpServer = TurnTestSupport.tcp(engine);
        try (TestTurnClient a = TestTurnClient.tcp(tcpServer); TestTurnClient b = TestTurnClient.udp(
                TurnTestSupport.udp(engine))) {
            InetSocketAddress relayA = relayed(a.allocate());
            InetSocketAddress relayB = relayed(b.allocate());
            a.authenticated(StunMethod.CHANNEL_BIND, new ChannelNumberAttribute(0x4abc),
                    new XorPeerAddressAttribute(relayB));
            b.authenticated(StunMethod.CREATE_PERMISSION, new XorPeerAddressAttribute(relayA));
            byte[] five = {1, 2, 3, 4, 5};
            b.sendRaw(StunEncoder.encodeToBytes(StunMessage.builder(StunClass.INDICATION, StunMethod.SEND)
                    .add(new XorPeerAddressAttribute(relayA)).add(new DataAttribute(five)).build()));
            byte[] frame = a.receiveRaw();
            assertEquals(12, frame.length, "4 header + 5 data + 3 padding over TCP");
            assertEquals(5, frame[3]);
            // padded ChannelData from the TCP client reaches B
            a.sendRaw(new byte[] {0x4a, (byte) 0xbc, 0, 5, 9, 8, 7, 6, 5, 0, 0, 0});
            StunMessage data = StunDecoder.decodeMessage(Unpooled.wrappedBuffer(b.receiveRaw()));
            assertArrayEquals(new byte[] {9, 8, 7, 6, 5}, data.get(DataAttribute.class).data());
            assertEquals(2, engine.snapshot().service(TurnService.KEY).activeRelays());
        }
        assertTrue(TurnTestSupport.await(() -> engine.snapshot().service(TurnService.KEY).activeRelays() <= 1, 10));
        assertTrue(TurnTestSupport.await(() -> events.stream().anyMatch(e -> e instanceof TurnEvent.AllocationDeleted d
                && d.transport().equals("TCP") && d.reason().equals("connection closed")), 10));
    }

    @Test
    void evenPortReservesTheNextPortForAReservationToken() throws Exception {
        InetSocketAddress server = start();
        try (TestTurnClient a = TestTurnClient.udp(server); TestTurnClient b = TestTurnClient.udp(server)) {
            StunMessage rtp = a.allocate(new EvenPortAttribute(true));
            InetSocketAddress relay = relayed(rtp);
            assertEquals(0, relay.getPort() % 2);
            byte[] token = rtp.get(ReservationTokenAttribute.class).value();
            StunMessage rtcp = b.allocate(new ReservationTokenAttribute(token));
            assertEquals(relay.getPort() + 1, relayed(rtcp).getPort());
            try (TestTurnClient c = TestTurnClient.udp(server)) {
                assertEquals(StunErrorCode.INSUFFICIENT_CAPACITY,
                        c.allocate(new ReservationTokenAttribute(token)).errorCode(), "token used up");
            }
        }
    }

    @Test
    void ipv6RelaysWhenTheHostHasIpv6() throws Exception {
        InetSocketAddress server = start();
        org.junit.jupiter.api.Assumptions.assumeTrue(
                engine.snapshot().service(TurnService.KEY).relayAddresses().stream().anyMatch(a -> a.contains(":")),
                "no IPv6 loopback on this host");
        try (TestTurnClient a = TestTurnClient.udp(server); TestTurnClient b = TestTurnClient.udp(server)) {
            StunMessage r6 = a.allocate(new RequestedAddressFamilyAttribute(AddressFamily.IPV6));
            InetSocketAddress relayA = relayed(r6);
            assertTrue(relayA.getAddress() instanceof Inet6Address, relayA::toString);
            StunMessage dual = b.allocate(new AdditionalAddressFamilyAttribute(AddressFamily.IPV6));
            List<XorRelayedAddressAttribute> both = dual.getAll(XorRelayedAddressAttribute.class);
            assertEquals(2, both.size());
            InetSocketAddress relayB6 = both.get(1).address();
            assertEquals(StunErrorCode.PEER_ADDRESS_FAMILY_MISMATCH, a.authenticated(StunMethod.CREATE_PERMISSION,
                    new XorPeerAddressAttribute(both.get(0).address())).errorCode());
            a.authenticated(StunMethod.CREATE_PERMISSION, new XorPeerAddressAttribute(relayB6));
            b.authenticated(StunMethod.CREATE_PERMISSION, new XorPeerAddressAttribute(relayA));
            a.sendRaw(StunEncoder.encodeToBytes(StunMessage.builder(StunClass.INDICATION, StunMethod.SEND)
                    .add(new XorPeerAddressAttribute(relayB6)).add(new DataAttribute(new byte[] {42})).build()));
            StunMessage data = StunDecoder.decodeMessage(Unpooled.wrappedBuffer(b.receiveRaw()));
            assertEquals(relayA, data.get(XorPeerAddressAttribute.class).address());
            // Refresh 0 with REQUESTED-ADDRESS-FAMILY removes only that half of a dual allocation
            b.authenticated(StunMethod.REFRESH, new LifetimeAttribute(0),
                    new RequestedAddressFamilyAttribute(AddressFamily.IPV6));
            assertEquals(StunErrorCode.PEER_ADDRESS_FAMILY_MISMATCH, b.authenticated(StunMethod.REFRESH,
                    new RequestedAddressFamilyAttribute(AddressFamily.IPV6)).errorCode());
        }
    }

    @Test
    void sha256PasswordAlgorithmUserhashAndBidDownProtection() throws Exception {
        InetSocketAddress server = start();
        try (TestTurnClient c = TestTurnClient.udp(server)) {
            StunMessage challenge = c.request(StunMessage.request(StunMethod.ALLOCATE)
                    .add(new RequestedTransportAttribute(17)).build());
            String nonce = challenge.get(NonceAttribute.class).value();
            byte[] key = LongTermCredentials.key(PasswordAlgorithm.SHA256, "alice", "TANDBERG", "secret");
            // list tampered with (MD5 only): 400
            StunMessage downgraded = StunMessage.request(StunMethod.ALLOCATE)
                    .add(new RequestedTransportAttribute(17)).add(new UsernameAttribute("alice"))
                    .add(new RealmAttribute("TANDBERG")).add(new NonceAttribute(nonce))
                    .add(PasswordAlgorithmsAttribute.of(List.of(PasswordAlgorithm.MD5)))
                    .add(new PasswordAlgorithmAttribute(PasswordAlgorithm.MD5))
                    .integrity(LongTermCredentials.key(PasswordAlgorithm.MD5, "alice", "TANDBERG", "secret"),
                            StunMessage.Integrity.SHA256).build();
            assertEquals(StunErrorCode.BAD_REQUEST, c.request(downgraded).errorCode());
            // SHA-256 with USERHASH instead of USERNAME
            StunMessage ok = c.request(StunMessage.request(StunMethod.ALLOCATE)
                    .add(new RequestedTransportAttribute(17))
                    .add(new UserhashAttribute(LongTermCredentials.userhash("alice", "TANDBERG")))
                    .add(new RealmAttribute("TANDBERG")).add(new NonceAttribute(nonce))
                    .add(PasswordAlgorithmsAttribute.of(List.of(PasswordAlgorithm.SHA256, PasswordAlgorithm.MD5)))
                    .add(new PasswordAlgorithmAttribute(PasswordAlgorithm.SHA256))
                    .integrity(key, StunMessage.Integrity.SHA256).build());
            assertEquals(StunClass.SUCCESS_RESPONSE, ok.messageClass(), ok::toString);
            assertTrue(ok.verifyIntegritySha256(key), "answered with MESSAGE-INTEGRITY-SHA256");
        }
    }

    @Test
    void restApiTimeLimitedCredentials() throws Exception {
        InetSocketAddress server = start(b -> b.sharedSecret("north"));
        long future = System.currentTimeMillis() / 1000 + 3600;
        try (TestTurnClient c = TestTurnClient.udp(server)) {
            c.username = future + ":carol";
            c.password = Base64.getEncoder().encodeToString(MessageIntegrity.hmacSha1(
                    "north".getBytes(StandardCharsets.UTF_8), c.username.getBytes(StandardCharsets.UTF_8)));
            assertEquals(StunClass.SUCCESS_RESPONSE, c.allocate().messageClass());
        }
        try (TestTurnClient c = TestTurnClient.udp(server)) {
            c.username = (future - 7200) + ":carol";
            c.password = Base64.getEncoder().encodeToString(MessageIntegrity.hmacSha1(
                    "north".getBytes(StandardCharsets.UTF_8), c.username.getBytes(StandardCharsets.UTF_8)));
            assertEquals(StunErrorCode.UNAUTHENTICATED, c.allocate().errorCode(), "expired");
        }
    }

    @Test
    void unauthorizedAnswersAreRateLimitedPerSource() throws Exception {
        InetSocketAddress server = start(b -> b.unauthorizedPerSecond(2));
        int sent = 20;
        int answered = 0;
        int allowed;
        try (TestTurnClient c = TestTurnClient.udp(server)) {
            long start = System.nanoTime();
            for (int i = 0; i < sent; i++) {
                c.sendRaw(StunEncoder.encodeToBytes(StunMessage.request(StunMethod.ALLOCATE).build()));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            while (c.receiveRaw() != null) {
                answered++;
            }
            // the bucket holds a burst of twice the rate and refills at the rate while we send (a slow machine
            // sends slowly): bounds, not an exact count
            allowed = 4 + (int) Math.ceil(2 * seconds);
            assertTrue(answered >= 4 && answered <= allowed,
                    answered + " answered of " + sent + " sent in " + seconds + " s, expected 4.." + allowed);
        }
        long limited = engine.snapshot().service(TurnService.KEY).counters().rateLimited();
        assertTrue(limited >= sent - allowed && limited <= sent - 4, limited + " counted as rate limited");
    }

    @Test
    void wrongCredentialsOnAnotherUsersAllocationGets441() throws Exception {
        InetSocketAddress server = start();
        try (TestTurnClient c = TestTurnClient.udp(server)) {
            assertEquals(StunClass.SUCCESS_RESPONSE, c.allocate().messageClass());
            c.username = "bob";
            c.password = "bobpass";
            assertEquals(StunErrorCode.WRONG_CREDENTIALS, c.authenticated(StunMethod.REFRESH).errorCode());
        }
    }
}
