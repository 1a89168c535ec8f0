package org.edgeway.engine.turn;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.IoEvent;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoEvent;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.channel.unix.DatagramSocketAddress;
import io.netty.channel.unix.FileDescriptor;
import io.netty.channel.unix.Socket;
import io.netty.util.concurrent.FastThreadLocal;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A relay socket under native epoll, registered with its client's event loop as a bare I/O handle instead of a
 * Netty channel (RFC 8656 sections 11.3 and 12.7: datagrams from peers, to the client). Each ready event reads one
 * datagram (recvfrom) into the loop's scratch buffer and hands it to the allocation, which sends it on at once or
 * copies what it keeps; level-triggered epoll reports the socket again while datagrams remain. Per datagram that
 * saves what a channel costs: a pooled receive buffer, a slice, a DatagramPacket, a pipeline walk with reference
 * counting, and the extra read that only answers EAGAIN. Event loop only; never throws out of {@link #handle}.
 */
final class NativeRelaySocket implements EpollIoHandle {

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

    private final Socket socket;
    private final Allocation allocation;
    private final TurnServer server;
    private final Runnable onClose;
    private IoEventLoop loop;
    private IoRegistration registration;
    private boolean closed;

    /** {@code onClose}: run once, on the event loop, when the socket has been closed. */
    NativeRelaySocket(Socket socket, Allocation allocation, TurnServer server, Runnable onClose) {
        this.socket = socket;
        this.allocation = allocation;
        this.server = server;
        this.onClose = onClose;
    }

    /** Registers for reading on {@code loop} (the client's); closes the socket if that fails. */
    void register(IoEventLoop loop) {
        this.loop = loop;
        loop.register(this).addListener(f -> {
            if (!f.isSuccess()) {
                TurnServer.LOG.warning("relay socket not registered: " + f.cause());
                close();
                return;
            }
            IoRegistration r = (IoRegistration) f.getNow();
            if (closed) {
                r.cancel();
                return;
            }
            registration = r;
            r.submit(EpollIoOps.EPOLLIN);
        });
    }

    @Override
    public FileDescriptor fd() {
        return socket;
    }

    @Override
    public void handle(IoRegistration registration, IoEvent event) {
        EpollIoOps ops = ((EpollIoEvent) event).ops();
        if (closed || !(ops.contains(EpollIoOps.EPOLLIN) || ops.contains(EpollIoOps.EPOLLERR))) {
            return;
        }
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
            // e.g. an ICMP error surfaced by the OS: the peer went away; nothing to do
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

    /** Stops reading and closes the socket, on the event loop unless that is shutting down. Idempotent. */
    @Override
    public void close() {
        if (loop != null && !loop.inEventLoop() && !loop.isShuttingDown()) {
            loop.execute(this::close);
            return;
        }
        if (closed) {
            return;
        }
        closed = true;
        if (registration != null) {
            registration.cancel();
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
        onClose.run();
    }
}
