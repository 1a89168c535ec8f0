package org.edgeway.engine.turn;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.edgeway.engine.Engine;
import org.edgeway.engine.EngineConfig;
import org.edgeway.engine.NodeRole;
import org.edgeway.engine.ServiceContext;
import org.edgeway.engine.SystemSize;
import org.edgeway.engine.TestPorts;
import org.edgeway.engine.stun.StunClass;
import org.edgeway.engine.stun.StunErrorCode;
import org.edgeway.engine.stun.StunMessage;
import org.edgeway.engine.stun.StunMethod;
import org.edgeway.engine.stun.attribute.RequestedTransportAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.edgeway.engine.net.Transports;

/**
 * Listener-level limits on real sockets: the Large request port range (a listener pair per port, 1000 relays per
 * port, capacity ports x 1000) and the TCP connection limit (TCP and TLS share it; one more is closed at once).
 */
class TurnListenerLimitsTest {

    @TempDir
    Path dir;

    private static EngineConfig largeRange(int base) {
        TurnConfig turn = TurnTestSupport.baseTurn().portMultiplexing(false).requestsPortRange(base, base + 2).build();
        return new EngineConfig(NodeRole.EXPRESSWAY_E, SystemSize.LARGE, "edgeway", "127.0.0.1").with(TurnService.KEY, turn);
    }

    private static StunMessage allocate(InetSocketAddress server, boolean tcp, List<TestTurnClient> keep)
            throws Exception {
        TestTurnClient c = tcp ? TestTurnClient.tcp(server) : TestTurnClient.udp(server);
        keep.add(c);
        return c.allocate();
    }

    @Test
    void largeRangeListensOnEveryPortAndReportsThousandRelaysPerPort() {
        Engine engine = null;
        for (int attempt = 0; attempt < 5 && engine == null; attempt++) {
            int base = TestPorts.range(3);
            Engine e = new Engine(null);
            e.start(largeRange(base));
            if (e.service(TurnService.class).server() == null) { // lost a race for a port: another range
                e.close();
                continue;
            }
            engine = e;
            TurnSnapshot s = e.snapshot().service(TurnService.KEY);
            List<String> expected = new ArrayList<>();
            for (int p = base; p <= base + 2; p++) {
                expected.add("UDP 127.0.0.1:" + p);
            }
            for (int p = base; p <= base + 2; p++) {
                expected.add("TCP 127.0.0.1:" + p);
            }
            assertEquals(expected, s.listeningAddresses());
            assertEquals(3 * TurnConfig.RELAYS_PER_PORT, s.capacity(), "3 ports x 1000, under the Large 6000");
        }
        assertTrue(engine != null, "TURN never started on a free range");
        engine.close();
    }

    @Test
    void eachPortOfTheRangeHasItsOwnRelayLimitSharedByUdpAndTcp() throws Exception {
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(2, Transports.ioHandlerFactory());
        List<TestTurnClient> clients = new ArrayList<>();
        TurnServer server = null;
        try {
            for (int attempt = 0; attempt < 5 && server == null; attempt++) {
                EngineConfig cfg = largeRange(TestPorts.range(3));
                TurnServer s = new TurnServer(new ServiceContext(cfg.node(), loops, null), cfg.service(TurnService.KEY), 2);
                try {
                    s.start();
                    server = s;
                } catch (IOException e) {
                    // lost a race for a port: another range
                }
            }
            assertTrue(server != null, "TURN never started on a free range");
            assertEquals(6, server.snapshot().capacity(), "3 ports x 2 in this test");
            InetSocketAddress udp1 = server.udpAddresses().get(0);
            InetSocketAddress tcp1 = server.tcpAddresses().get(0);
            InetSocketAddress udp2 = server.udpAddresses().get(1);
            assertEquals(udp1.getPort(), tcp1.getPort());

            assertEquals(StunClass.SUCCESS_RESPONSE, allocate(udp1, false, clients).messageClass());
            assertEquals(StunClass.SUCCESS_RESPONSE, allocate(tcp1, true, clients).messageClass());
            assertEquals(StunErrorCode.INSUFFICIENT_CAPACITY, allocate(udp1, false, clients).errorCode(),
                    "the first port is full (UDP and TCP count together)");
            assertEquals(StunErrorCode.INSUFFICIENT_CAPACITY, allocate(tcp1, true, clients).errorCode());
            assertEquals(StunClass.SUCCESS_RESPONSE, allocate(udp2, false, clients).messageClass(),
                    "the next port still has room");
            assertEquals(3, server.snapshot().activeRelays());
        } finally {
            for (TestTurnClient c : clients) {
                c.close();
            }
            if (server != null) {
                server.stop();
            }
            loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** True if the server closes the connection: end of stream (or a reset) before any byte arrives. */
    private static boolean closedByServer(Socket s) throws IOException {
        s.setSoTimeout(2000);
        InputStream in = s.getInputStream();
        try {
            return in.read() == -1;
        } catch (SocketException reset) {
            return true;
        }
    }

    private static StunMessage challenge(TestTurnClient c) throws Exception {
        return c.request(StunMessage.request(StunMethod.ALLOCATE)
                .add(new RequestedTransportAttribute(RequestedTransportAttribute.UDP)).build());
    }

    @Test
    void connectionsBeyondMaxTcpConnectionsAreClosedAtOnceOverTcpAndTls() throws Exception {
        Path keyStore = dir.resolve("turn.p12");
        Files.write(keyStore, TurnTestSupport.keyStore("turn.example", TurnTestSupport.KEYSTORE_PASSWORD));
        try (Engine engine = TurnTestSupport.start(b -> b.maxTcpConnections(2).tlsEnabled(true).tlsPort(0)
                .tlsKeyStore(keyStore).tlsKeyStorePassword(TurnTestSupport.KEYSTORE_PASSWORD), null)) {
            InetSocketAddress tcp = TurnTestSupport.tcp(engine);
            InetSocketAddress tls = engine.service(TurnService.class).server().tlsAddress();
            try (TestTurnClient first = TestTurnClient.tcp(tcp); TestTurnClient second = TestTurnClient.tls(tls)) {
                assertEquals(StunErrorCode.UNAUTHENTICATED, challenge(first).errorCode());
                assertEquals(StunErrorCode.UNAUTHENTICATED, challenge(second).errorCode());
                try (Socket third = new Socket()) {
                    third.connect(tcp, 2000);
                    assertTrue(closedByServer(third), "the third TCP connection is closed");
                }
                try (Socket fourth = new Socket()) {
                    fourth.connect(tls, 2000);
                    assertTrue(closedByServer(fourth), "and so is a TLS one: the limit is shared");
                }
                assertTrue(TurnTestSupport.await(
                        () -> engine.snapshot().service(TurnService.KEY).counters().tcpConnectionsRefused() == 2, 2));
                assertEquals(StunErrorCode.UNAUTHENTICATED, challenge(first).errorCode(), "the first two still work");
            }
            // once they are gone there is room again
            assertTrue(TurnTestSupport.await(() -> engine.service(TurnService.class).server().listeners.tcpConnections.get() == 0, 3));
            try (TestTurnClient again = TestTurnClient.tcp(tcp)) {
                assertEquals(StunErrorCode.UNAUTHENTICATED, challenge(again).errorCode());
            }
        }
    }
}
