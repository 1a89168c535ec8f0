package org.edgeway.engine.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.unix.Socket;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.edgeway.engine.stun.attribute.AddressFamily;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Netty's native receive calls reached through {@link DatagramReceiver}, against real UDP sockets on loopback: the
 * bytes, lengths and senders of a batch (recvmmsg) and of single reads (recvmsg), "nothing waiting" told apart from
 * an empty datagram, an IPv6 sender given as an address object. Under native epoll the receiver must be available:
 * the TURN relay path depends on it, and a Netty upgrade that moves its internals fails here first.
 */
class DatagramReceiverTest {

    private BoundDatagram bound;
    private Socket socket;
    private int port;
    private final List<DatagramReceiver> receivers = new ArrayList<>();

    @BeforeEach
    void bind() throws Exception {
        Assumptions.assumeTrue(Transports.epoll(), "native epoll is not in use");
        assertTrue(DatagramReceiver.AVAILABLE, "Netty's native receive calls are reachable");
        // port 0: the kernel picks a free port, nothing to collide with
        bound = Transports.bindDatagram(AddressFamily.IPV4, new InetSocketAddress(0));
        socket = bound.nativeSocket();
        port = bound.port();
    }

    @AfterEach
    void close() {
        receivers.forEach(DatagramReceiver::close);
        if (bound != null) {
            bound.close();
        }
    }

    private DatagramReceiver receiver(int slots, int slotSize) {
        DatagramReceiver r = new DatagramReceiver(slots, slotSize);
        receivers.add(r);
        return r;
    }

    /** Receives until {@code expected} datagrams came (loopback delivers at once; the bound only guards a hang). */
    private static int receiveAll(DatagramReceiver r, Socket socket, int expected) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        int n = 0;
        while (n == 0 && System.nanoTime() < deadline) {
            n = r.receive(socket);
        }
        assertEquals(expected, n);
        return n;
    }

    private static String text(DatagramReceiver r, int slot) {
        byte[] b = ByteBufUtil.getBytes(r.buffer(), r.offset(slot), r.length(slot));
        return new String(b, StandardCharsets.US_ASCII);
    }

    @Test
    void aBatchKeepsEachDatagramItsBytesAndItsSender() throws Exception {
        DatagramReceiver r = receiver(4, 64);
        try (DatagramSocket a = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                DatagramSocket b = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            InetSocketAddress to = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            a.send(new DatagramPacket("first".getBytes(StandardCharsets.US_ASCII), 5, to));
            b.send(new DatagramPacket("second!".getBytes(StandardCharsets.US_ASCII), 7, to));
            a.send(new DatagramPacket("3".getBytes(StandardCharsets.US_ASCII), 1, to));

            receiveAll(r, socket, 3);
            assertEquals(List.of("first", "second!", "3"), List.of(text(r, 0), text(r, 1), text(r, 2)));
            assertEquals(List.of(a.getLocalPort(), b.getLocalPort(), a.getLocalPort()),
                    List.of(r.port(0), r.port(1), r.port(2)));
            for (int slot = 0; slot < 3; slot++) {
                assertTrue(r.ipv4(slot));
                assertEquals(0x7F000001, r.ipv4Address(slot));
            }
            assertEquals(new InetSocketAddress(InetAddress.getLoopbackAddress(), b.getLocalPort()), r.sender(1));
            assertEquals(0, r.receive(socket), "the socket is empty now");
        }
    }

    @Test
    void aSingleSlotTellsNothingWaitingFromAnEmptyDatagram() throws Exception {
        DatagramReceiver r = receiver(1, 2048);
        assertEquals(0, r.receive(socket), "nothing sent yet");
        try (DatagramSocket a = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            InetSocketAddress to = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            a.send(new DatagramPacket(new byte[0], 0, to));
            byte[] big = new byte[1500];
            big[1499] = 42;
            a.send(new DatagramPacket(big, big.length, to));

            receiveAll(r, socket, 1);
            assertEquals(0, r.length(0), "an empty datagram is a datagram");
            assertEquals(a.getLocalPort(), r.port(0));
            receiveAll(r, socket, 1);
            assertEquals(1500, r.length(0));
            assertArrayEquals(big, ByteBufUtil.getBytes(r.buffer(), r.offset(0), 1500));
            assertEquals(0, r.receive(socket));
        }
    }

    @Test
    void anIpv6SenderComesAsAnAddressObject() throws Exception {
        InetAddress v6 = InetAddress.getByName("::1");
        BoundDatagram dual;
        try {
            dual = Transports.bindDatagram(AddressFamily.IPV6, new InetSocketAddress(v6, 0));
        } catch (java.io.IOException e) {
            Assumptions.abort("no IPv6 loopback here: " + e.getMessage());
            return;
        }
        try (DatagramSocket a = new DatagramSocket(new InetSocketAddress(v6, 0))) {
            DatagramReceiver r = receiver(1, 128);
            a.send(new DatagramPacket(new byte[] {1, 2, 3}, 3, new InetSocketAddress(v6, dual.port())));
            receiveAll(r, dual.nativeSocket(), 1);
            assertFalse(r.ipv4(0));
            assertEquals(new InetSocketAddress(v6, a.getLocalPort()), r.sender(0));
            assertEquals(3, r.length(0));
        } finally {
            dual.close();
        }
    }
}
