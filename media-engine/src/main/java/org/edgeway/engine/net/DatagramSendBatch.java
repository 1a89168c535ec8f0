package org.edgeway.engine.net;

import static org.edgeway.engine.net.NettyDatagramInternals.ADD;
import static org.edgeway.engine.net.NettyDatagramInternals.SENDMMSG;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.channel.unix.Socket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.RejectedExecutionException;

/**
 * Datagrams for one socket gathered while its event loop handles one wake-up, and sent together by one
 * {@code sendmmsg} in a task that runs after the loop has read every ready socket. On a relay a system call costs
 * about a microsecond on its own (entry, exit, mitigations), and the datagrams that relay sockets receive from
 * peers during one wake-up all leave through the client's one listener socket: a call per wake-up instead of one
 * per datagram.
 *
 * <p>The bytes are copied into fixed slots (the receive buffer they come from is reused by the next read); a
 * datagram larger than a slot is not taken and the caller sends it at once. A datagram the kernel refuses when the
 * batch leaves (send buffer full, an error for one destination) is dropped and counted as a router would, the rest
 * still leave. The packet array and the system call are Netty's own, package-private in its epoll transport and
 * reached through {@link NettyDatagramInternals}; {@link #AVAILABLE} is false when they are not.
 *
 * <p>Event loop of the socket only, which is also where the socket is closed.
 */
public final class DatagramSendBatch {

    /** Whether Netty's sendmmsg and packet array are reachable (native epoll loaded, expected layout). */
    public static final boolean AVAILABLE = NettyDatagramInternals.AVAILABLE;

    /** Datagrams dropped when a batch left, for the owner's counters. */
    public interface Drops {
        void dropped(int datagrams);
    }

    private final Socket socket;
    private final EventLoop loop;
    private final Drops drops;
    private final NettyDatagramInternals.Slots room;
    private final Runnable flushTask = this::flush;
    private int count;
    private boolean closed;

    /**
     * A batch of at most {@code slots} datagrams of at most {@code slotSize} bytes for {@code socket}, flushed on
     * {@code loop} (the socket's); needs {@link #AVAILABLE}.
     */
    public DatagramSendBatch(Socket socket, EventLoop loop, int slots, int slotSize, Drops drops) {
        this.room = new NettyDatagramInternals.Slots(slots, slotSize);
        this.socket = socket;
        this.loop = loop;
        this.drops = drops;
    }

    /**
     * Queues one datagram of the 4 bytes {@code prefix} (big endian, e.g. a ChannelData header) followed by
     * {@code length} bytes of {@code data} from {@code index} (copied; indices untouched) for {@code to}. The first
     * datagram of a wake-up schedules the flush; a full batch leaves at once.
     *
     * @return false if not taken (too large for a slot, or closed): the caller sends it itself
     */
    public boolean add(int prefix, ByteBuf data, int index, int length, InetSocketAddress to) {
        int size = 4 + length;
        if (closed || size > room.slotSize) {
            return false;
        }
        int offset = count * room.slotSize;
        room.buffer.setInt(offset, prefix);
        room.buffer.setBytes(offset + 4, data, index, length);
        try {
            if (!(boolean) ADD.invoke(room.array, room.buffer, offset, size, 0, to)) {
                return false;
            }
        } catch (Throwable e) {
            return false;
        }
        if (count++ == 0) {
            try {
                loop.execute(flushTask);
            } catch (RejectedExecutionException e) {
                // the loop is shutting down: nothing runs after this wake-up, so this one leaves now
                flush();
                return true;
            }
        }
        if (count == room.slots) {
            flush();
        }
        return true;
    }

    /** Sends what is queued: one sendmmsg, more only when the kernel refused one datagram of the batch. */
    public void flush() {
        int n = count;
        if (n == 0) {
            return;
        }
        int dropped = 0;
        if (closed || !socket.isOpen()) {
            dropped = n;
        } else {
            boolean ipv6 = NettyDatagramInternals.ipv6(socket);
            int from = 0;
            while (from < n) {
                int sent;
                try {
                    sent = (int) SENDMMSG.invoke(socket.intValue(), ipv6, room.packets, from, n - from);
                } catch (IOException e) {
                    // this datagram's destination failed (sendmmsg reports the first error only): skip it
                    sent = -1;
                } catch (Throwable e) {
                    dropped += n - from;
                    break;
                }
                if (sent == 0) {
                    // the send buffer is full: the rest is lost, as on a full router queue
                    dropped += n - from;
                    break;
                }
                if (sent < 0) {
                    dropped++;
                    from++;
                } else {
                    from += sent;
                }
            }
        }
        count = 0;
        room.clear();
        if (dropped > 0) {
            drops.dropped(dropped);
        }
    }

    public int slots() {
        return room.slots;
    }

    /** Drops what is queued and frees the memory; on the socket's loop once the socket is closed. */
    public void close() {
        if (closed) {
            return;
        }
        flush();
        closed = true;
        room.release();
    }
}
