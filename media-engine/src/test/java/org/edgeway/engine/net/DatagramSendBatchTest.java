package org.edgeway.engine.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.edgeway.engine.stun.attribute.AddressFamily;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Datagrams batched per event loop wake-up and sent by Netty's native sendmmsg through {@link DatagramSendBatch},
 * against real UDP sockets on loopback: nothing leaves while the loop is still busy with the wake-up that queued it,
 * everything leaves with its prefix, bytes and destination once it ends; a full batch leaves at once; a datagram the
 * kernel refuses is counted and does not take the rest down; what does not fit a slot is left to the caller.
 */
class DatagramSendBatchTest {

    private EventLoopGroup group;
    private EventLoop loop;
    private BoundDatagram bound;
    private final List<DatagramSocket> receivers = new ArrayList<>();
    private final AtomicInteger dropped = new AtomicInteger();
    private DatagramSendBatch batch;

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(Transports.epoll(), "native epoll is not in use");
        assertTrue(DatagramSendBatch.AVAILABLE, "Netty's native sendmmsg is reachable");
        group = new MultiThreadIoEventLoopGroup(1, Transports.ioHandlerFactory());
        loop = group.next();
        // port 0: the kernel picks a free port, nothing to collide with
        bound = Transports.bindDatagram(AddressFamily.IPV4, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterEach
    void stop() throws Exception {
        if (batch != null) {
            onLoop(() -> {
                batch.close();
                return null;
            });
        }
        if (bound != null) {
            bound.close();
        }
        receivers.forEach(DatagramSocket::close);
        if (group != null) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    private DatagramSendBatch batch(int slots, int slotSize) {
        batch = new DatagramSendBatch(bound.nativeSocket(), loop, slots, slotSize, dropped::addAndGet);
        return batch;
    }

    private InetSocketAddress receiver() throws Exception {
        DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        s.setSoTimeout(5000);
        receivers.add(s);
        return (InetSocketAddress) s.getLocalSocketAddress();
    }

    private <T> T onLoop(Callable<T> work) throws Exception {
        return loop.submit(work).get(10, TimeUnit.SECONDS);
    }

    /** Returns once the flush queued by an earlier task has run (the loop runs its tasks in order). */
    private void afterFlush() throws Exception {
        onLoop(() -> null);
    }

    /** What {@code receiver} holds right now, without waiting (loopback delivers during the send call). */
    private static byte[] waiting(DatagramSocket receiver) throws Exception {
        receiver.setSoTimeout(1);
        try {
            DatagramPacket p = new DatagramPacket(new byte[4096], 4096);
            receiver.receive(p);
            return java.util.Arrays.copyOf(p.getData(), p.getLength());
        } catch (SocketTimeoutException e) {
            return null;
        } finally {
            receiver.setSoTimeout(5000);
        }
    }

    private static byte[] next(DatagramSocket receiver) throws Exception {
        DatagramPacket p = new DatagramPacket(new byte[4096], 4096);
        receiver.receive(p);
        return java.util.Arrays.copyOf(p.getData(), p.getLength());
    }

    private static ByteBuf text(String s) {
        return Unpooled.directBuffer().writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] datagram(int prefix, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(4 + b.length).putInt(prefix).put(b).array();
    }

    @Test
    void datagramsOfOneWakeUpLeaveTogetherWhenItEnds() throws Exception {
        DatagramSendBatch b = batch(8, 256);
        InetSocketAddress first = receiver();
        InetSocketAddress second = receiver();
        ByteBuf data = text("xxhello media").readerIndex(2);
        try {
            byte[][] seenDuringWakeUp = onLoop(() -> {
                assertTrue(b.add(0x4000_000B, data, 2, 11, first));
                assertTrue(b.add(0x4001_0005, data, 8, 5, second));
                assertTrue(b.add(0x4000_0005, data, 2, 5, first));
                // still in the same wake-up: the batch has not left
                return new byte[][] {waiting(receivers.get(0)), waiting(receivers.get(1))};
            });
            assertNull(seenDuringWakeUp[0], "nothing leaves before the wake-up ends");
            assertNull(seenDuringWakeUp[1]);
            assertArrayEquals(datagram(0x4000_000B, "hello media"), next(receivers.get(0)));
            assertArrayEquals(datagram(0x4000_0005, "hello"), next(receivers.get(0)), "in the order queued");
            assertArrayEquals(datagram(0x4001_0005, "media"), next(receivers.get(1)));
            assertEquals(2, data.readerIndex(), "the caller's buffer is untouched");
            afterFlush();
            assertEquals(0, dropped.get());
        } finally {
            data.release();
        }
    }

    @Test
    void aFullBatchLeavesAtOnceAndTheNextStartsEmpty() throws Exception {
        DatagramSendBatch b = batch(2, 64);
        InetSocketAddress to = receiver();
        ByteBuf data = text("abcdef");
        try {
            byte[][] seen = onLoop(() -> {
                b.add(1, data, 0, 1, to);
                b.add(2, data, 1, 1, to);
                byte[] afterFull = waiting(receivers.get(0));
                byte[] secondOfFull = waiting(receivers.get(0));
                b.add(3, data, 2, 1, to);
                return new byte[][] {afterFull, secondOfFull, waiting(receivers.get(0))};
            });
            assertArrayEquals(datagram(1, "a"), seen[0], "a full batch is sent before the wake-up ends");
            assertArrayEquals(datagram(2, "b"), seen[1]);
            assertNull(seen[2], "the third waits for the end of the wake-up");
            assertArrayEquals(datagram(3, "c"), next(receivers.get(0)));
        } finally {
            data.release();
        }
    }

    @Test
    void aRefusedDatagramIsCountedAndTheRestStillLeave() throws Exception {
        DatagramSendBatch b = batch(8, 64);
        InetSocketAddress to = receiver();
        // port 0 is no destination: the kernel refuses that datagram (EINVAL) in the middle of the batch
        InetSocketAddress nowhere = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        ByteBuf data = text("xyz");
        try {
            onLoop(() -> {
                b.add(1, data, 0, 1, to);
                b.add(2, data, 1, 1, nowhere);
                b.add(3, data, 2, 1, to);
                return null;
            });
            assertArrayEquals(datagram(1, "x"), next(receivers.get(0)));
            assertArrayEquals(datagram(3, "z"), next(receivers.get(0)));
            afterFlush();
            assertEquals(1, dropped.get());
        } finally {
            data.release();
        }
    }

    @Test
    void whatDoesNotFitASlotIsLeftToTheCaller() throws Exception {
        DatagramSendBatch b = batch(4, 64);
        InetSocketAddress to = receiver();
        ByteBuf data = Unpooled.directBuffer(100).writeZero(100);
        try {
            assertFalse(onLoop(() -> b.add(1, data, 0, 61, to)), "4 + 61 bytes exceed a 64-byte slot");
            assertTrue(onLoop(() -> b.add(1, data, 0, 60, to)), "4 + 60 fit");
            assertEquals(64, next(receivers.get(0)).length);
            onLoop(() -> {
                b.close();
                return null;
            });
            assertFalse(onLoop(() -> b.add(1, data, 0, 1, to)), "a closed batch takes nothing");
        } finally {
            data.release();
        }
    }
}
