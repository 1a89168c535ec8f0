package org.edgeway.engine.turn;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.IoEventLoop;
import io.netty.channel.unix.DatagramSocketAddress;
import io.netty.channel.unix.Socket;
import io.netty.util.concurrent.FastThreadLocal;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.edgeway.engine.net.DatagramReceiver;
import org.edgeway.engine.net.NativeDatagramHandle;

/**
 * A relay socket under native epoll, registered with its client's event loop as a bare I/O handle instead of a
 * Netty channel (RFC 8656 sections 11.3 and 12.7: datagrams from peers, to the client). Each ready event receives
 * one datagram (recvmsg) into the loop's scratch buffer and hands it to the allocation, which sends it on at once or
 * copies what it keeps; level-triggered epoll reports the socket again while datagrams remain. Per datagram that
 * saves what a channel costs: a pooled receive buffer, a slice, a DatagramPacket, a pipeline walk with reference
 * counting, and the extra read that only answers EAGAIN. Through {@link DatagramReceiver} the sender stays plain
 * fields, and the allocation reuses the address object of the peer it saw last ({@link Allocation#peer4}), so an
 * IPv4 peer costs no allocation either. Event loop only; never throws out of {@link #handle}.
 */
final class NativeRelaySocket extends NativeDatagramHandle {

    /**
     * One receive buffer per event loop: every datagram is consumed (sent on, or copied by what keeps it) before
     * the next read. The largest UDP payload, so a datagram is never truncated unnoticed.
     */
    private static final FastThreadLocal<ByteBuf> SCRATCH = new FastThreadLocal<>() {
        @Override
        protected ByteBuf initialValue() {
            return Unpooled.directBuffer(65_536, 65_536);
        }

        @Override
        protected void onRemoval(ByteBuf buf) {
            buf.release();
        }
    };

    /** The same, with the sender left in plain fields ({@link DatagramReceiver}). */
    private static final FastThreadLocal<DatagramReceiver> RECEIVER = new FastThreadLocal<>() {
        @Override
        protected DatagramReceiver initialValue() {
            return new DatagramReceiver(1, 65_536);
        }

        @Override
        protected void onRemoval(DatagramReceiver r) {
            r.close();
        }
    };

    private final Allocation allocation;
    private final TurnServer server;
    private final Runnable onClose;

    /** On {@code loop} (the client's); {@code onClose}: run once, on the loop, when the socket has been closed. */
    NativeRelaySocket(Socket socket, IoEventLoop loop, Allocation allocation, TurnServer server, Runnable onClose) {
        super(socket, loop);
        this.allocation = allocation;
        this.server = server;
        this.onClose = onClose;
    }

    @Override
    protected void readable() {
        if (DatagramReceiver.AVAILABLE) {
            receive(RECEIVER.get());
        } else {
            receiveWithAddress();
        }
    }

    /** One datagram, its IPv4 sender taken from plain fields (the allocation keeps the address object it saw last). */
    private void receive(DatagramReceiver r) {
        try {
            if (r.receive(socket) == 0) {
                return;
            }
        } catch (IOException e) {
            // e.g. an ICMP error surfaced by the OS: the peer went away; nothing to do
            server.counters.dropped.increment();
            return;
        }
        int size = r.length(0);
        if (size > server.maxDatagramSize) {
            allocation.dropped();
            server.counters.dropped.increment();
            return;
        }
        try {
            ByteBuf data = r.buffer().setIndex(0, size);
            allocation.fromPeer(data, r.ipv4(0) ? allocation.peer4(r.ipv4Address(0), r.port(0)) : r.sender(0));
        } catch (RuntimeException e) {
            server.counters.dropped.increment();
        }
    }

    /** Without {@link DatagramReceiver}: Netty's recvfrom, which builds the sender's address object. */
    private void receiveWithAddress() {
        ByteBuf buf = SCRATCH.get();
        int limit = server.maxDatagramSize + 1;
        DatagramSocketAddress from;
        try {
            if (buf.hasMemoryAddress()) {
                from = socket.recvFromAddress(buf.memoryAddress(), 0, limit);
            } else {
                ByteBuffer nio = buf.internalNioBuffer(0, limit);
                from = socket.recvFrom(nio, nio.position(), nio.limit());
            }
        } catch (IOException e) {
            server.counters.dropped.increment();
            return;
        }
        if (from == null) {
            return;
        }
        int size = from.receivedAmount();
        if (size > server.maxDatagramSize) {
            allocation.dropped();
            server.counters.dropped.increment();
            return;
        }
        try {
            allocation.fromPeer(buf.setIndex(0, size), from);
        } catch (RuntimeException e) {
            server.counters.dropped.increment();
        }
    }

    @Override
    protected void closed() {
        onClose.run();
    }
}
