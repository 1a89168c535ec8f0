package org.edgeway.engine.turn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.edgeway.engine.Engine;
import org.edgeway.engine.EngineEvent;
import org.edgeway.engine.EngineState;
import org.edgeway.engine.stun.StunClass;
import org.edgeway.engine.stun.StunDecoder;
import org.edgeway.engine.stun.StunEncoder;
import org.edgeway.engine.stun.StunErrorCode;
import org.edgeway.engine.stun.StunMessage;
import org.edgeway.engine.stun.StunMethod;
import org.edgeway.engine.stun.attribute.ChannelNumberAttribute;
import org.edgeway.engine.stun.attribute.DataAttribute;
import org.edgeway.engine.stun.attribute.LifetimeAttribute;
import org.edgeway.engine.stun.attribute.RealmAttribute;
import org.edgeway.engine.stun.attribute.RequestedTransportAttribute;
import org.edgeway.engine.stun.attribute.XorPeerAddressAttribute;
import org.edgeway.engine.stun.attribute.XorRelayedAddressAttribute;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TURN over TLS-over-TCP (RFC 8656 section 3.1, "turns:") on real loopback sockets with a JDK TLS client: the
 * same STUN/ChannelData framing as TCP, the certificate taken again from a changed keystore file without a
 * restart, a broken file keeping the previous certificate, and a failed TLS start leaving UDP/TCP running.
 */
class TurnTlsTest {

    private static final String PASSWORD = TurnTestSupport.KEYSTORE_PASSWORD;
    private static byte[] storeA;
    private static byte[] storeB;

    @TempDir
    Path dir;
    private Path keyStore;
    private final List<EngineEvent> events = new CopyOnWriteArrayList<>();
    private Engine engine;

    @BeforeAll
    static void certificates() throws Exception {
        storeA = TurnTestSupport.keyStore("turn-a.example", PASSWORD);
        storeB = TurnTestSupport.keyStore("turn-b.example", PASSWORD);
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    private InetSocketAddress startTls(byte[] store) throws Exception {
        keyStore = dir.resolve("turn.p12");
        Files.write(keyStore, store);
        engine = TurnTestSupport.start(b -> b.tlsEnabled(true).tlsPort(0).tlsKeyStore(keyStore)
                .tlsKeyStorePassword(PASSWORD), events::add);
        InetSocketAddress tls = engine.service(TurnService.class).server().tlsAddress();
        assertNotNull(tls, engine.snapshot().service(TurnService.KEY)::detail);
        return tls;
    }

    private static String subjectOfANewConnection(InetSocketAddress server) throws Exception {
        try (TestTurnClient c = TestTurnClient.tls(server)) {
            return c.peerSubject();
        }
    }

    @Test
    void allocateOverTlsIsChallengedThenSucceedsAndRelaysWithPaddedChannelData() throws Exception {
        InetSocketAddress server = startTls(storeA);
        TurnSnapshot s = engine.snapshot().service(TurnService.KEY);
        assertTrue(s.listeningAddresses().contains("TLS 127.0.0.1:" + server.getPort()),
                s.listeningAddresses()::toString);
        try (TestTurnClient a = TestTurnClient.tls(server);
                TestTurnClient b = TestTurnClient.udp(TurnTestSupport.udp(engine))) {
            assertTrue(List.of("TLSv1.3", "TLSv1.2").contains(a.tlsProtocol()), a.tlsProtocol());
            assertTrue(a.peerSubject().contains("CN=turn-a.example"), a.peerSubject());
            StunMessage challenge = a.request(StunMessage.request(StunMethod.ALLOCATE)
                    .add(new RequestedTransportAttribute(RequestedTransportAttribute.UDP)).build());
            assertEquals(StunErrorCode.UNAUTHENTICATED, challenge.errorCode());
            assertEquals(TurnTestSupport.REALM, challenge.get(RealmAttribute.class).value());

            StunMessage ok = a.allocate();
            assertEquals(StunClass.SUCCESS_RESPONSE, ok.messageClass(), ok::toString);
            InetSocketAddress relayA = ok.get(XorRelayedAddressAttribute.class).address();
            InetSocketAddress relayB = b.allocate().get(XorRelayedAddressAttribute.class).address();
            assertEquals(StunClass.SUCCESS_RESPONSE, a.authenticated(StunMethod.CHANNEL_BIND,
                    new ChannelNumberAttribute(0x4001), new XorPeerAddressAttribute(relayB)).messageClass());
            b.authenticated(StunMethod.CREATE_PERMISSION, new XorPeerAddressAttribute(relayA));
            b.sendRaw(StunEncoder.encodeToBytes(StunMessage.builder(StunClass.INDICATION, StunMethod.SEND)
                    .add(new XorPeerAddressAttribute(relayA)).add(new DataAttribute(new byte[] {1, 2, 3})).build()));
            byte[] frame = a.receiveRaw();
            assertNotNull(frame, "ChannelData over TLS");
            assertEquals(8, frame.length, "4 header + 3 data + 1 padding, as over TCP");
            a.sendRaw(new byte[] {0x40, 0x01, 0, 3, 7, 8, 9, 0});
            StunMessage data = StunDecoder.decodeMessage(Unpooled.wrappedBuffer(b.receiveRaw()));
            assertArrayEquals(new byte[] {7, 8, 9}, data.get(DataAttribute.class).data());
            assertTrue(engine.snapshot().service(TurnService.KEY).relays().stream().anyMatch(r -> r.transport().equals("TLS")));
        }
        assertTrue(TurnTestSupport.await(() -> events.stream().anyMatch(e -> e instanceof TurnEvent.AllocationDeleted d
                && d.transport().equals("TLS") && d.reason().equals("connection closed")), 3));
    }

    @Test
    void aReplacedKeystoreServesNewConnectionsWithoutRestartAndOldConnectionsKeepTheirSession() throws Exception {
        InetSocketAddress server = startTls(storeA);
        TurnServer running = engine.service(TurnService.class).server();
        try (TestTurnClient old = TestTurnClient.tls(server)) {
            assertTrue(old.peerSubject().contains("CN=turn-a.example"));
            assertEquals(StunClass.SUCCESS_RESPONSE, old.allocate().messageClass());

            TurnTestSupport.replace(keyStore, storeB);
            assertTrue(TurnTestSupport.await(() -> running.tlsContext().reloads() == 1, 10), "reloaded");
            String subject = subjectOfANewConnection(server);
            assertTrue(subject.contains("CN=turn-b.example"), subject);

            assertSame(running, engine.service(TurnService.class).server(), "never restarted");
            assertEquals(server, running.tlsAddress());
            StunMessage refresh = old.authenticated(StunMethod.REFRESH, new LifetimeAttribute(600));
            assertEquals(StunClass.SUCCESS_RESPONSE, refresh.messageClass(), "the old connection still works");
            assertTrue(old.peerSubject().contains("CN=turn-a.example"), "with its old session");
            assertEquals(1, engine.snapshot().service(TurnService.KEY).activeRelays());
        }
    }

    @Test
    void aCorruptOrUnreadableKeystoreKeepsThePreviousCertificate() throws Exception {
        InetSocketAddress server = startTls(storeA);
        org.edgeway.engine.tls.ReloadingSslContext tls = engine.service(TurnService.class).server().tlsContext();

        Files.write(keyStore, Arrays.copyOf(storeB, storeB.length / 2)); // a partly written file
        assertTrue(TurnTestSupport.await(() -> tls.lastFailure() != null, 10), "the broken file was looked at");
        String partial = tls.lastFailure();
        assertTrue(TurnTestSupport.await(() -> events.stream().anyMatch(e -> e instanceof EngineEvent.AlarmRaised a
                && a.id().equals(TurnServer.TLS_RELOAD_ALARM)), 10), "the failed reload raises an alarm");
        assertTrue(subjectOfANewConnection(server).contains("CN=turn-a.example"));
        try (TestTurnClient c = TestTurnClient.tls(server)) {
            assertEquals(StunClass.SUCCESS_RESPONSE, c.allocate().messageClass());
        }

        TurnTestSupport.replace(keyStore, TurnTestSupport.keyStore("turn-c.example", "another password"));
        assertTrue(TurnTestSupport.await(() -> !partial.equals(tls.lastFailure()), 10), "wrong password refused");
        assertEquals(0, tls.reloads());
        assertTrue(subjectOfANewConnection(server).contains("CN=turn-a.example"));

        TurnTestSupport.replace(keyStore, storeB); // and a good file afterwards is taken
        assertTrue(TurnTestSupport.await(() -> tls.reloads() == 1, 10));
        assertNull(tls.lastFailure());
        assertTrue(TurnTestSupport.await(() -> events.stream().anyMatch(e -> e instanceof EngineEvent.AlarmCleared c
                && c.id().equals(TurnServer.TLS_RELOAD_ALARM)), 10), "and a good file clears it");
        assertTrue(subjectOfANewConnection(server).contains("CN=turn-b.example"));
        assertEquals(EngineState.RUNNING, engine.snapshot().service(TurnService.KEY).state());
    }

    @Test
    void aTlsStartFailureLeavesUdpAndTcpRunningAndRaisesAnAlarm() throws Exception {
        keyStore = dir.resolve("turn.p12");
        Files.write(keyStore, storeA);
        engine = TurnTestSupport.start(b -> b.tlsEnabled(true).tlsPort(0).tlsKeyStore(keyStore)
                .tlsKeyStorePassword("wrong"), events::add);
        TurnSnapshot s = engine.snapshot().service(TurnService.KEY);
        assertEquals(EngineState.RUNNING, s.state());
        assertEquals(2, s.listeningAddresses().size(), s.listeningAddresses()::toString);
        assertTrue(s.detail().contains("TLS not available"), s.detail());
        assertNull(engine.service(TurnService.class).server().tlsAddress());
        assertTrue(events.stream().anyMatch(e -> e instanceof EngineEvent.AlarmRaised a
                && a.id().equals(TurnService.TLS_ALARM)));
        try (TestTurnClient c = TestTurnClient.udp(TurnTestSupport.udp(engine))) {
            assertEquals(StunClass.SUCCESS_RESPONSE, c.allocate().messageClass());
        }
        engine.close();

        events.clear();
        engine = TurnTestSupport.start(b -> b.tlsEnabled(true).tlsPort(0).tlsKeyStore(dir.resolve("missing.p12"))
                .tlsKeyStorePassword(PASSWORD), events::add);
        assertEquals(EngineState.RUNNING, engine.snapshot().service(TurnService.KEY).state());
        assertTrue(engine.snapshot().service(TurnService.KEY).detail().contains("missing.p12"), engine.snapshot().service(TurnService.KEY)::detail);
        assertTrue(events.stream().anyMatch(e -> e instanceof EngineEvent.AlarmRaised a
                && a.id().equals(TurnService.TLS_ALARM)));
        engine.close();

        events.clear();
        engine = TurnTestSupport.start(b -> b.tlsEnabled(true).tlsPort(0).tlsKeyStore(keyStore)
                .tlsKeyStorePassword(PASSWORD), events::add);
        assertNotNull(engine.service(TurnService.class).server().tlsAddress());
        assertTrue(events.stream().anyMatch(e -> e instanceof EngineEvent.AlarmCleared a
                && a.id().equals(TurnService.TLS_ALARM)), "cleared once TLS runs");
    }
}
