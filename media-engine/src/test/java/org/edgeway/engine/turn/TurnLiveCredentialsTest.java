package org.edgeway.engine.turn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.edgeway.engine.Engine;
import org.edgeway.engine.EngineConfig;
import org.edgeway.engine.EngineEvent;
import org.edgeway.engine.EngineState;
import org.edgeway.engine.stun.StunClass;
import org.edgeway.engine.stun.StunErrorCode;
import org.edgeway.engine.stun.StunMessage;
import org.edgeway.engine.stun.StunMethod;
import org.edgeway.engine.stun.attribute.ChannelNumberAttribute;
import org.edgeway.engine.stun.attribute.LifetimeAttribute;
import org.edgeway.engine.stun.attribute.XorPeerAddressAttribute;
import org.edgeway.engine.stun.attribute.XorRelayedAddressAttribute;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Regression (issue 10): saving a Local database credential used to restart TURN and drop every live allocation.
 * Credentials now apply to the running server; a realm change still restarts it, as seed 003 documents. Maintenance
 * mode too applies live: new allocations are refused, live ones carry on.
 */
class TurnLiveCredentialsTest {

    private static final int CHANNEL = 0x4001;
    private final List<EngineEvent> events = new CopyOnWriteArrayList<>();
    private Engine engine;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void aLiveChannelKeepsRelayingAcrossCredentialAddChangeAndDelete() throws Exception {
        engine = TurnTestSupport.start(b -> b, events::add);
        InetSocketAddress server = TurnTestSupport.udp(engine);
        TurnServer running = engine.service(TurnService.class).server();
        try (TestTurnClient alice = TestTurnClient.udp(server); DatagramSocket peer = peer()) {
            StunMessage allocated = alice.allocate();
            assertEquals(StunClass.SUCCESS_RESPONSE, allocated.messageClass(), allocated::toString);
            InetSocketAddress relay = allocated.get(XorRelayedAddressAttribute.class).address();
            assertEquals(StunClass.SUCCESS_RESPONSE, alice.authenticated(StunMethod.CHANNEL_BIND,
                    new ChannelNumberAttribute(CHANNEL), new XorPeerAddressAttribute(peerAddress(peer)))
                    .messageClass());
            roundTrip(alice, peer, relay, "before");

            Map<String, String> users = new LinkedHashMap<>(turn().credentials());
            users.put("carol", "carolpass");
            applyCredentials(users);
            assertSame(running, engine.service(TurnService.class).server(), "adding a user restarts nothing");
            roundTrip(alice, peer, relay, "after add");
            assertEquals(StunClass.SUCCESS_RESPONSE, allocateAs(server, "carol", "carolpass"),
                    "the new user is accepted at once");

            users.put(TurnTestSupport.USER, "changed");
            applyCredentials(users);
            roundTrip(alice, peer, relay, "after change");
            assertEquals(StunErrorCode.UNAUTHENTICATED, allocateAs(server, TurnTestSupport.USER,
                    TurnTestSupport.PASSWORD), "the old password is refused at once");
            assertEquals(StunClass.SUCCESS_RESPONSE, allocateAs(server, TurnTestSupport.USER, "changed"));

            users.remove("bob");
            applyCredentials(users);
            roundTrip(alice, peer, relay, "after delete");
            assertEquals(StunErrorCode.UNAUTHENTICATED, allocateAs(server, "bob", "bobpass"),
                    "a deleted user is refused at once");

            assertSame(running, engine.service(TurnService.class).server(), "never restarted");
            assertTrue(events.stream().noneMatch(e -> e instanceof TurnEvent.AllocationDeleted),
                    () -> "no allocation was dropped: " + events);
        }
    }

    @Test
    void aRealmChangeStillRestartsTurnAndEndsTheAllocations() throws Exception {
        engine = TurnTestSupport.start(b -> b, events::add);
        TurnServer running = engine.service(TurnService.class).server();
        try (TestTurnClient alice = TestTurnClient.udp(TurnTestSupport.udp(engine))) {
            assertEquals(StunClass.SUCCESS_RESPONSE, alice.allocate().messageClass());
            assertEquals(1, engine.snapshot().service(TurnService.KEY).activeRelays());

            engine.apply(engine.config().with(TurnService.KEY, turn().toBuilder().realm("example.com").build()));

            TurnServer restarted = engine.service(TurnService.class).server();
            assertNotNull(restarted);
            assertNotSame(running, restarted);
            TurnSnapshot s = engine.snapshot().service(TurnService.KEY);
            assertEquals(EngineState.RUNNING, s.state());
            assertEquals(0, s.activeRelays());
            assertTrue(events.stream().anyMatch(e -> e instanceof TurnEvent.AllocationDeleted d
                    && d.reason().equals("service stopped")), events::toString);
        }
    }

    @Test
    void maintenanceModeRefusesNewAllocationsWhileLiveOnesRefreshAndRelay() throws Exception {
        engine = TurnTestSupport.start(b -> b, events::add);
        InetSocketAddress server = TurnTestSupport.udp(engine);
        TurnServer running = engine.service(TurnService.class).server();
        try (TestTurnClient alice = TestTurnClient.udp(server); DatagramSocket peer = peer()) {
            StunMessage allocated = alice.allocate();
            InetSocketAddress relay = allocated.get(XorRelayedAddressAttribute.class).address();
            assertEquals(StunClass.SUCCESS_RESPONSE, alice.authenticated(StunMethod.CHANNEL_BIND,
                    new ChannelNumberAttribute(CHANNEL), new XorPeerAddressAttribute(peerAddress(peer)))
                    .messageClass());

            engine.apply(engine.config().with(TurnService.KEY, turn().toBuilder().maintenanceMode(true).build()));
            assertSame(running, engine.service(TurnService.class).server(), "maintenance mode restarts nothing");
            assertEquals(StunErrorCode.INSUFFICIENT_CAPACITY, allocateAs(server, TurnTestSupport.USER,
                    TurnTestSupport.PASSWORD), "a new allocation is refused");
            assertEquals(StunClass.SUCCESS_RESPONSE, alice.authenticated(StunMethod.REFRESH,
                    new LifetimeAttribute(600)).messageClass(), "an existing allocation is refreshed");
            roundTrip(alice, peer, relay, "in maintenance mode");

            engine.apply(engine.config().with(TurnService.KEY, turn().toBuilder().maintenanceMode(false).build()));
            assertEquals(StunClass.SUCCESS_RESPONSE, allocateAs(server, TurnTestSupport.USER, TurnTestSupport.PASSWORD),
                    "accepted again once maintenance mode is off");
            assertSame(running, engine.service(TurnService.class).server());
        }
    }

    private TurnConfig turn() {
        return engine.config().service(TurnService.KEY);
    }

    private void applyCredentials(Map<String, String> users) {
        EngineConfig next = engine.config().with(TurnService.KEY, turn().toBuilder().credentials(users).build());
        engine.apply(next);
    }

    /** The answer class (success) or error code a fresh client gets for an Allocate with these credentials. */
    private static Object allocateAs(InetSocketAddress server, String user, String password) throws Exception {
        try (TestTurnClient c = TestTurnClient.udp(server)) {
            c.username = user;
            c.password = password;
            StunMessage r = c.allocate();
            return r.messageClass() == StunClass.SUCCESS_RESPONSE ? StunClass.SUCCESS_RESPONSE : r.errorCode();
        }
    }

    private static DatagramSocket peer() throws Exception {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        s.setSoTimeout(300);
        return s;
    }

    private static InetSocketAddress peerAddress(DatagramSocket peer) {
        return (InetSocketAddress) peer.getLocalSocketAddress();
    }

    /**
     * Client to peer over the channel, then peer to client back through the relay. UDP may lose a datagram even on
     * loopback, so each direction is sent again until it arrives (at most 10 times).
     */
    private static void roundTrip(TestTurnClient client, DatagramSocket peer, InetSocketAddress relay, String label)
            throws Exception {
        byte[] out = ("to peer " + label).getBytes(StandardCharsets.UTF_8);
        byte[] received = null;
        for (int attempt = 0; attempt < 10 && received == null; attempt++) {
            client.sendRaw(channelData(out));
            received = receive(peer, out.length);
        }
        assertArrayEquals(out, received, "client to peer " + label);

        byte[] back = ("to client " + label).getBytes(StandardCharsets.UTF_8);
        byte[] frame = null;
        for (int attempt = 0; attempt < 10 && frame == null; attempt++) {
            peer.send(new DatagramPacket(back, back.length, relay));
            frame = client.receiveRaw();
            while (frame != null && !isChannelData(frame, back.length)) {
                frame = client.receiveRaw(); // an earlier retransmission's duplicate or a stray answer
            }
        }
        assertNotNull(frame, "peer to client " + label);
        assertArrayEquals(back, Arrays.copyOfRange(frame, 4, 4 + back.length), "peer to client " + label);
    }

    private static boolean isChannelData(byte[] frame, int length) {
        return frame.length >= 4 + length && (((frame[0] & 0xFF) << 8) | (frame[1] & 0xFF)) == CHANNEL
                && (((frame[2] & 0xFF) << 8) | (frame[3] & 0xFF)) == length;
    }

    private static byte[] receive(DatagramSocket peer, int length) throws Exception {
        byte[] buf = new byte[2048];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        try {
            peer.receive(p);
        } catch (SocketTimeoutException e) {
            return null;
        }
        return p.getLength() == length ? Arrays.copyOf(buf, length) : null;
    }

    private static byte[] channelData(byte[] payload) {
        byte[] cd = new byte[4 + payload.length];
        cd[0] = (byte) (CHANNEL >> 8);
        cd[1] = (byte) CHANNEL;
        cd[2] = (byte) (payload.length >> 8);
        cd[3] = (byte) payload.length;
        System.arraycopy(payload, 0, cd, 4, payload.length);
        return cd;
    }
}
