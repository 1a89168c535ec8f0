package org.edgeway.engine.net;

import static org.edgeway.engine.net.NettyDatagramInternals.ADD_WRITABLE;
import static org.edgeway.engine.net.NettyDatagramInternals.COUNT;
import static org.edgeway.engine.net.NettyDatagramInternals.RECVMMSG;
import static org.edgeway.engine.net.NettyDatagramInternals.RECVMSG;
import static org.edgeway.engine.net.NettyDatagramInternals.SENDER_ADDR;
import static org.edgeway.engine.net.NettyDatagramInternals.SENDER_ADDR_LEN;
import static org.edgeway.engine.net.NettyDatagramInternals.SENDER_PORT;

import io.netty.buffer.ByteBuf;
import io.netty.channel.unix.Socket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Receives datagrams from a native socket into fixed slots of one reusable direct buffer, and leaves each sender as
 * an IPv4 address and port in plain fields instead of an {@link InetSocketAddress}: Netty's own receive paths build
 * one (an {@code InetSocketAddress}, an {@code InetAddress} and its holder) for every datagram, which was the largest
 * single Java cost left on the TURN relay path. Callers that need the address object (a new client, an IPv6 peer,
 * a Data indication) ask {@link #sender} for it.
 *
 * <p>The system calls are Netty's own ({@code recvmsg}/{@code recvmmsg} in its epoll JNI library, the ones its
 * datagram channel uses), as are the packet array, its gather list and its address fields, reached through
 * {@link NettyDatagramInternals}: if they are missing {@link #AVAILABLE} is false and callers keep Netty's public
 * paths.
 *
 * <p>One receiver belongs to one event loop (the slots are overwritten by the next receive).
 */
public final class DatagramReceiver {

    /** Whether the Netty internals this needs are present (native epoll loaded, expected layout). */
    public static final boolean AVAILABLE = NettyDatagramInternals.AVAILABLE;

    private final NettyDatagramInternals.Slots room;

    /** {@code slots} datagrams of at most {@code slotSize} bytes per receive; needs {@link #AVAILABLE}. */
    public DatagramReceiver(int slots, int slotSize) {
        this.room = new NettyDatagramInternals.Slots(slots, slotSize);
    }

    /**
     * Receives up to {@link #slots()} datagrams that are waiting on {@code socket} (one {@code recvmsg}, or one
     * {@code recvmmsg} for several slots) without blocking.
     *
     * @return how many arrived (0 when none was waiting)
     * @throws IOException a socket error (e.g. an ICMP error reported on the socket)
     */
    public int receive(Socket socket) throws IOException {
        try {
            room.clear();
            for (int i = 0; i < room.slots; i++) {
                boolean added = (boolean) ADD_WRITABLE.invoke(room.array, room.buffer, i * room.slotSize,
                        room.slotSize);
                if (!added) {
                    throw new IllegalStateException("no room for slot " + i);
                }
            }
            boolean ipv6 = NettyDatagramInternals.ipv6(socket);
            if (room.slots == 1) {
                // recvmsg answers 0 both for "nothing waiting" and for an empty datagram; only a datagram sets
                // the sender
                SENDER_ADDR_LEN.set(room.packets[0], 0);
                int n = (int) RECVMSG.invoke(socket.intValue(), ipv6, room.packets[0]);
                return n > 0 || (int) SENDER_ADDR_LEN.get(room.packets[0]) != 0 ? 1 : 0;
            }
            return (int) RECVMMSG.invoke(socket.intValue(), ipv6, room.packets, 0, room.slots);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    public int slots() {
        return room.slots;
    }

    /** The datagram in {@code slot}: its bytes from {@code slot * slotSize}, {@link #length} long. */
    public ByteBuf buffer() {
        return room.buffer;
    }

    public int offset(int slot) {
        return slot * room.slotSize;
    }

    public int length(int slot) {
        return (int) COUNT.get(room.packets[slot]);
    }

    /** Whether the sender of {@code slot} is IPv4 (IPv4-mapped senders of a dual-stack socket included). */
    public boolean ipv4(int slot) {
        return (int) SENDER_ADDR_LEN.get(room.packets[slot]) == 4;
    }

    /** The IPv4 sender of {@code slot} as a big-endian int; only when {@link #ipv4}. */
    public int ipv4Address(int slot) {
        byte[] b = (byte[]) SENDER_ADDR.get(room.packets[slot]);
        return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | b[3] & 0xFF;
    }

    public int port(int slot) {
        return (int) SENDER_PORT.get(room.packets[slot]);
    }

    /** The sender of {@code slot} as an address object (allocates). */
    public InetSocketAddress sender(int slot) {
        byte[] b = (byte[]) SENDER_ADDR.get(room.packets[slot]);
        int len = (int) SENDER_ADDR_LEN.get(room.packets[slot]);
        try {
            return new InetSocketAddress(InetAddress.getByAddress(java.util.Arrays.copyOf(b, len)), port(slot));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Frees the buffer and the gather list; the receiver is not used again. */
    public void close() {
        room.release();
    }
}
