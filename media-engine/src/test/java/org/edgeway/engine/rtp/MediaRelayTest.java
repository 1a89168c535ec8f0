package org.edgeway.engine.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.time.Duration;
import org.edgeway.engine.Await;
import org.edgeway.engine.NodeRole;
import org.edgeway.engine.SystemSize;
import org.edgeway.engine.TestPorts;
import org.edgeway.engine.calls.MediaChannel;
import org.edgeway.engine.net.Transports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The relay with real UDP sockets on loopback: ports from the configured range in RTP/RTCP pairs, RTP relayed both
 * ways once the peers are known, symmetric latching to where a peer really sends from (not what its SDP said), RTCP
 * receiver reports read for loss and jitter, ports freed on close.
 */
class MediaRelayTest {

    private static final InetAddress LO = InetAddress.getLoopbackAddress();
    private EventLoopGroup loops;
    private MediaRelay relay;
    private int range;
    private final List<DatagramSocket> sockets = new java.util.ArrayList<>();

    @BeforeEach
    void start() {
        loops = new MultiThreadIoEventLoopGroup(1, Transports.ioHandlerFactory());
        range = TestPorts.range(16);
        relay = new MediaRelay(loops, LO, MediaConfig.defaults().withRange(range, range + 15),
                NodeRole.EXPRESSWAY_C, SystemSize.SMALL);
    }

    @AfterEach
    void stop() {
        sockets.forEach(DatagramSocket::close);
        relay.close();
        loops.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    private DatagramSocket socket() throws Exception {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress(LO, TestPorts.port()));
        // an upper bound for a busy host, not an expected delay: loopback delivers at once (the timeouts once
        // blamed on load were a relay side that never started reading, MediaRelay.register)
        s.setSoTimeout(20_000);
        sockets.add(s);
        return s;
    }

    @Test
    void relaysBothWaysLatchesAndReadsReceiverReports() throws Exception {
        RelayedStream stream = relay.open("audio", 8000, false, false);
        int a = stream.callerSide().local().getPort();
        int b = stream.calleeSide().local().getPort();
        for (int port : new int[] {a, b}) {
            assertTrue(port >= range && port + 1 <= range + 15 && port % 2 == 0, "pair " + port);
        }
        DatagramSocket caller = socket();
        DatagramSocket callerRtcp = socket();
        DatagramSocket callee = socket();
        // the caller's SDP names a port nobody listens on: latching must find the real one
        stream.callerAt(new InetSocketAddress(LO, TestPorts.port()), new InetSocketAddress(LO, TestPorts.port()));
        stream.calleeAt((InetSocketAddress) callee.getLocalSocketAddress(),
                new InetSocketAddress(LO, TestPorts.port()));

        byte[] rtp = rtp(1);
        caller.send(new DatagramPacket(rtp, rtp.length, LO, a));
        DatagramPacket got = receive(callee);
        assertArrayEquals(rtp, Arrays.copyOf(got.getData(), got.getLength()));
        assertEquals(b, got.getPort(), "sent from the callee-facing port");

        byte[] back = rtp(2);
        callee.send(new DatagramPacket(back, back.length, LO, b));
        DatagramPacket echoed = receive(caller);
        assertArrayEquals(back, Arrays.copyOf(echoed.getData(), echoed.getLength()));
        assertEquals(a, echoed.getPort());

        byte[] rr = receiverReport(17, 160);
        callerRtcp.send(new DatagramPacket(rr, rr.length, LO, a + 1));
        Await.until(() -> stream.callerChannels().get(1).packets() == 1, Duration.ofSeconds(5), "the RTCP packet");
        MediaChannel fromCaller = stream.callerChannels().get(0);
        assertEquals(1, fromCaller.packets());
        assertEquals(rtp.length, fromCaller.bytes());
        assertEquals(17, fromCaller.lost());
        assertEquals(20.0, fromCaller.jitterMillis(), 1e-9, "160 timestamp units at 8 kHz");
        assertEquals("127.0.0.1:" + caller.getLocalPort(), fromCaller.from(), "latched");
        assertEquals(1, stream.calleeChannels().get(0).packets());

        stream.close();
        Await.until(() -> free(a) && free(b), Duration.ofSeconds(5), "the ports to be free");
    }

    /**
     * A re-offer naming another address (the caller moved, RFC 3264 8.3.1) drops the latch: what the callee sends
     * goes to the new address at once, and the caller's first packet from wherever it now sends latches again. The
     * same address declared again (a hold, a refresh) keeps the latch.
     */
    @Test
    void aMovedPeerIsRelatched() throws Exception {
        RelayedStream stream = relay.open("audio", 8000, false, false);
        int a = stream.callerSide().local().getPort();
        int b = stream.calleeSide().local().getPort();
        DatagramSocket caller = socket();
        DatagramSocket moved = socket();
        DatagramSocket callee = socket();
        InetSocketAddress declared = new InetSocketAddress(LO, TestPorts.port());
        stream.callerAt(declared, new InetSocketAddress(LO, TestPorts.port()));
        stream.calleeAt((InetSocketAddress) callee.getLocalSocketAddress(), new InetSocketAddress(LO, TestPorts.port()));
        byte[] first = rtp(1);
        caller.send(new DatagramPacket(first, first.length, LO, a));
        receive(callee);
        stream.callerAt(declared, new InetSocketAddress(LO, TestPorts.port())); // the same SDP again: still latched
        byte[] back = rtp(2);
        callee.send(new DatagramPacket(back, back.length, LO, b));
        assertArrayEquals(back, Arrays.copyOf(receive(caller).getData(), back.length), "to the latched address");

        stream.callerAt((InetSocketAddress) moved.getLocalSocketAddress(), new InetSocketAddress(LO, TestPorts.port()));
        byte[] afterMove = rtp(3);
        callee.send(new DatagramPacket(afterMove, afterMove.length, LO, b));
        assertArrayEquals(afterMove, Arrays.copyOf(receive(moved).getData(), afterMove.length),
                "to the address of the new offer");
        byte[] fromMoved = rtp(4);
        moved.send(new DatagramPacket(fromMoved, fromMoved.length, LO, a));
        receive(callee);
        assertEquals("127.0.0.1:" + moved.getLocalPort(), stream.callerChannels().get(0).from(), "latched again");
    }

    private static boolean free(int port) {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(LO, port))) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static DatagramPacket receive(DatagramSocket s) throws Exception {
        DatagramPacket p = new DatagramPacket(new byte[1500], 1500);
        s.receive(p);
        return p;
    }

    /** An RTP packet (version 2, PCMU) with 160 payload bytes. */
    private static byte[] rtp(int seq) {
        ByteBuffer b = ByteBuffer.allocate(172);
        b.put((byte) 0x80).put((byte) 0).putShort((short) seq).putInt(seq * 160).putInt(0x1234);
        return b.array();
    }

    /** An RTCP receiver report with one block: cumulative lost and jitter. */
    private static byte[] receiverReport(int lost, int jitter) {
        ByteBuffer b = ByteBuffer.allocate(32);
        b.put((byte) 0x81).put((byte) 201).putShort((short) 7).putInt(0x5678);
        b.putInt(0x1234).putInt(lost).putInt(100).putInt(jitter).putInt(0).putInt(0);
        return b.array();
    }
}
