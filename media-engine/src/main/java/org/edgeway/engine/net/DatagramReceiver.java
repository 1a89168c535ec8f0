package org.edgeway.engine.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.unix.Socket;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.logging.Logger;

/**
 * Receives datagrams from a native socket into fixed slots of one reusable direct buffer, and leaves each sender as
 * an IPv4 address and port in plain fields instead of an {@link InetSocketAddress}: Netty's own receive paths build
 * one (an {@code InetSocketAddress}, an {@code InetAddress} and its holder) for every datagram, which was the largest
 * single Java cost left on the TURN relay path. Callers that need the address object (a new client, an IPv6 peer,
 * a Data indication) ask {@link #sender} for it.
 *
 * <p>The system calls are Netty's own ({@code recvmsg}/{@code recvmmsg} in its epoll JNI library, the ones its
 * datagram channel uses), reached through method handles because Netty keeps them package-private; the packet
 * array, its gather list and its address fields are Netty's too. Netty 4.2's layout is checked once at class load:
 * if anything is missing {@link #AVAILABLE} is false and callers keep Netty's public paths.
 *
 * <p>One receiver belongs to one event loop (the slots are overwritten by the next receive).
 */
public final class DatagramReceiver {

    private static final Logger LOG = Logger.getLogger(DatagramReceiver.class.getName());

    /** Netty's package-private pieces this uses, or null when they cannot be reached. */
    private record Internals(MethodHandle newArray, MethodHandle addWritable, MethodHandle clear,
            MethodHandle release, MethodHandle packets, MethodHandle recvmsg, MethodHandle recvmmsg, VarHandle count,
            VarHandle senderAddr, VarHandle senderAddrLen, VarHandle senderPort, VarHandle ipv6) {

        static Internals find() {
            if (!Transports.epoll()) {
                return null;
            }
            try {
                ClassLoader loader = Socket.class.getClassLoader();
                Class<?> array = Class.forName("io.netty.channel.epoll.NativeDatagramPacketArray", true, loader);
                Class<?> packet = Class.forName(
                        "io.netty.channel.epoll.NativeDatagramPacketArray$NativeDatagramPacket", true, loader);
                Class<?> packetArray = packet.arrayType();
                Class<?> nativeClass = Class.forName("io.netty.channel.epoll.Native", true, loader);
                MethodHandles.Lookup a = MethodHandles.privateLookupIn(array, MethodHandles.lookup());
                MethodHandles.Lookup p = MethodHandles.privateLookupIn(packet, MethodHandles.lookup());
                MethodHandles.Lookup n = MethodHandles.privateLookupIn(nativeClass, MethodHandles.lookup());
                MethodHandles.Lookup s = MethodHandles.privateLookupIn(Socket.class, MethodHandles.lookup());
                return new Internals(
                        a.findConstructor(array, MethodType.methodType(void.class)),
                        a.findVirtual(array, "addWritable",
                                MethodType.methodType(boolean.class, ByteBuf.class, int.class, int.class)),
                        a.findVirtual(array, "clear", MethodType.methodType(void.class)),
                        a.findVirtual(array, "release", MethodType.methodType(void.class)),
                        a.findVirtual(array, "packets", MethodType.methodType(packetArray)),
                        n.findStatic(nativeClass, "recvmsg",
                                MethodType.methodType(int.class, int.class, boolean.class, packet)),
                        n.findStatic(nativeClass, "recvmmsg", MethodType.methodType(int.class, int.class,
                                boolean.class, packetArray, int.class, int.class)),
                        p.findVarHandle(packet, "count", int.class),
                        p.findVarHandle(packet, "senderAddr", byte[].class),
                        p.findVarHandle(packet, "senderAddrLen", int.class),
                        p.findVarHandle(packet, "senderPort", int.class),
                        s.findVarHandle(Socket.class, "ipv6", boolean.class));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                LOG.info("datagrams received through Netty's channel (its native receive calls are not reachable: "
                        + e + ")");
                return null;
            }
        }
    }

    private static final Internals INTERNALS = Internals.find();
    // constants for the JIT: method and var handles in static finals are inlined like direct calls
    private static final MethodHandle NEW_ARRAY = INTERNALS == null ? null : INTERNALS.newArray();
    private static final MethodHandle ADD_WRITABLE = INTERNALS == null ? null : INTERNALS.addWritable();
    private static final MethodHandle CLEAR = INTERNALS == null ? null : INTERNALS.clear();
    private static final MethodHandle RELEASE = INTERNALS == null ? null : INTERNALS.release();
    private static final MethodHandle PACKETS = INTERNALS == null ? null : INTERNALS.packets();
    private static final MethodHandle RECVMSG = INTERNALS == null ? null : INTERNALS.recvmsg();
    private static final MethodHandle RECVMMSG = INTERNALS == null ? null : INTERNALS.recvmmsg();
    private static final VarHandle COUNT = INTERNALS == null ? null : INTERNALS.count();
    private static final VarHandle SENDER_ADDR = INTERNALS == null ? null : INTERNALS.senderAddr();
    private static final VarHandle SENDER_ADDR_LEN = INTERNALS == null ? null : INTERNALS.senderAddrLen();
    private static final VarHandle SENDER_PORT = INTERNALS == null ? null : INTERNALS.senderPort();
    private static final VarHandle IPV6 = INTERNALS == null ? null : INTERNALS.ipv6();

    /** Whether the Netty internals this needs are present (native epoll loaded, expected layout). */
    public static final boolean AVAILABLE = INTERNALS != null;

    private final int slots;
    private final int slotSize;
    private final ByteBuf buffer;
    private final Object array;
    private final Object[] packets;

    /** {@code slots} datagrams of at most {@code slotSize} bytes per receive; needs {@link #AVAILABLE}. */
    public DatagramReceiver(int slots, int slotSize) {
        if (!AVAILABLE) {
            throw new IllegalStateException("native datagram receive is not available");
        }
        this.slots = slots;
        this.slotSize = slotSize;
        this.buffer = Unpooled.directBuffer(slots * slotSize, slots * slotSize);
        try {
            this.array = NEW_ARRAY.invoke();
            this.packets = (Object[]) PACKETS.invoke(array);
        } catch (Throwable e) {
            buffer.release();
            throw new IllegalStateException(e);
        }
        if (packets.length < slots) {
            buffer.release();
            throw new IllegalArgumentException("at most " + packets.length + " slots");
        }
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
            CLEAR.invoke(array);
            for (int i = 0; i < slots; i++) {
                boolean added = (boolean) ADD_WRITABLE.invoke(array, buffer, i * slotSize, slotSize);
                if (!added) {
                    throw new IllegalStateException("no room for slot " + i);
                }
            }
            boolean ipv6 = (boolean) IPV6.get(socket);
            if (slots == 1) {
                // recvmsg answers 0 both for "nothing waiting" and for an empty datagram; only a datagram sets
                // the sender
                SENDER_ADDR_LEN.set(packets[0], 0);
                int n = (int) RECVMSG.invoke(socket.intValue(), ipv6, packets[0]);
                return n > 0 || (int) SENDER_ADDR_LEN.get(packets[0]) != 0 ? 1 : 0;
            }
            return (int) RECVMMSG.invoke(socket.intValue(), ipv6, packets, 0, slots);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    public int slots() {
        return slots;
    }

    /** The datagram in {@code slot}: its bytes from {@code slot * slotSize}, {@link #length} long. */
    public ByteBuf buffer() {
        return buffer;
    }

    public int offset(int slot) {
        return slot * slotSize;
    }

    public int length(int slot) {
        return (int) COUNT.get(packets[slot]);
    }

    /** Whether the sender of {@code slot} is IPv4 (IPv4-mapped senders of a dual-stack socket included). */
    public boolean ipv4(int slot) {
        return (int) SENDER_ADDR_LEN.get(packets[slot]) == 4;
    }

    /** The IPv4 sender of {@code slot} as a big-endian int; only when {@link #ipv4}. */
    public int ipv4Address(int slot) {
        byte[] b = (byte[]) SENDER_ADDR.get(packets[slot]);
        return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | b[3] & 0xFF;
    }

    public int port(int slot) {
        return (int) SENDER_PORT.get(packets[slot]);
    }

    /** The sender of {@code slot} as an address object (allocates). */
    public InetSocketAddress sender(int slot) {
        byte[] b = (byte[]) SENDER_ADDR.get(packets[slot]);
        int len = (int) SENDER_ADDR_LEN.get(packets[slot]);
        try {
            return new InetSocketAddress(InetAddress.getByAddress(java.util.Arrays.copyOf(b, len)), port(slot));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Frees the buffer and the gather list; the receiver is not used again. */
    public void close() {
        buffer.release();
        try {
            RELEASE.invoke(array);
        } catch (Throwable ignored) {
            // nothing else to free
        }
    }
}
