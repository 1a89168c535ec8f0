package org.edgeway.engine.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.unix.Socket;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.net.InetSocketAddress;
import java.util.logging.Logger;

/**
 * Netty's native datagram packet array and the system calls over it ({@code recvmsg}, {@code recvmmsg},
 * {@code sendmmsg} in its epoll JNI library, the ones its datagram channel uses), which Netty keeps package-private:
 * reached once through method handles, for {@link DatagramReceiver} and {@link DatagramSendBatch}. Netty 4.2's
 * layout is checked at class load; if anything is missing {@link #AVAILABLE} is false and callers keep Netty's
 * public paths. Handles in static finals are constants for the JIT, inlined like direct calls.
 */
final class NettyDatagramInternals {

    private static final Logger LOG = Logger.getLogger(NettyDatagramInternals.class.getName());

    private record Handles(MethodHandle newArray, MethodHandle addWritable, MethodHandle add, MethodHandle clear,
            MethodHandle release, MethodHandle packets, MethodHandle recvmsg, MethodHandle recvmmsg,
            MethodHandle sendmmsg, VarHandle count, VarHandle senderAddr, VarHandle senderAddrLen,
            VarHandle senderPort, VarHandle ipv6) {

        static Handles find() {
            if (!Transports.epoll()) {
                return null;
            }
            try {
                ClassLoader loader = Socket.class.getClassLoader();
                Class<?> array = Class.forName("io.netty.channel.epoll.NativeDatagramPacketArray", true, loader);
                Class<?> packet = Class.forName(
                        "io.netty.channel.epoll.NativeDatagramPacketArray$NativeDatagramPacket", true, loader);
                Class<?> packets = packet.arrayType();
                Class<?> nativeClass = Class.forName("io.netty.channel.epoll.Native", true, loader);
                MethodHandles.Lookup a = MethodHandles.privateLookupIn(array, MethodHandles.lookup());
                MethodHandles.Lookup p = MethodHandles.privateLookupIn(packet, MethodHandles.lookup());
                MethodHandles.Lookup n = MethodHandles.privateLookupIn(nativeClass, MethodHandles.lookup());
                MethodHandles.Lookup s = MethodHandles.privateLookupIn(Socket.class, MethodHandles.lookup());
                if (!(boolean) n.findStaticVarHandle(nativeClass, "IS_SUPPORTING_SENDMMSG", boolean.class).get()) {
                    throw new UnsupportedOperationException("no sendmmsg");
                }
                return new Handles(
                        a.findConstructor(array, MethodType.methodType(void.class)),
                        a.findVirtual(array, "addWritable",
                                MethodType.methodType(boolean.class, ByteBuf.class, int.class, int.class)),
                        a.findVirtual(array, "add0", MethodType.methodType(boolean.class, ByteBuf.class, int.class,
                                int.class, int.class, InetSocketAddress.class)),
                        a.findVirtual(array, "clear", MethodType.methodType(void.class)),
                        a.findVirtual(array, "release", MethodType.methodType(void.class)),
                        a.findVirtual(array, "packets", MethodType.methodType(packets)),
                        n.findStatic(nativeClass, "recvmsg",
                                MethodType.methodType(int.class, int.class, boolean.class, packet)),
                        n.findStatic(nativeClass, "recvmmsg", MethodType.methodType(int.class, int.class,
                                boolean.class, packets, int.class, int.class)),
                        n.findStatic(nativeClass, "sendmmsg", MethodType.methodType(int.class, int.class,
                                boolean.class, packets, int.class, int.class)),
                        p.findVarHandle(packet, "count", int.class),
                        p.findVarHandle(packet, "senderAddr", byte[].class),
                        p.findVarHandle(packet, "senderAddrLen", int.class),
                        p.findVarHandle(packet, "senderPort", int.class),
                        s.findVarHandle(Socket.class, "ipv6", boolean.class));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                LOG.info("datagrams go through Netty's channels and one system call each (its native packet array "
                        + "is not reachable: " + e + ")");
                return null;
            }
        }
    }

    private static final Handles HANDLES = Handles.find();

    static final boolean AVAILABLE = HANDLES != null;
    private static final MethodHandle NEW_ARRAY = AVAILABLE ? HANDLES.newArray() : null;
    static final MethodHandle ADD_WRITABLE = AVAILABLE ? HANDLES.addWritable() : null;
    /** add0(buffer, index, length, segmentSize, recipient): one datagram to send. */
    static final MethodHandle ADD = AVAILABLE ? HANDLES.add() : null;
    private static final MethodHandle CLEAR = AVAILABLE ? HANDLES.clear() : null;
    private static final MethodHandle RELEASE = AVAILABLE ? HANDLES.release() : null;
    private static final MethodHandle PACKETS = AVAILABLE ? HANDLES.packets() : null;
    static final MethodHandle RECVMSG = AVAILABLE ? HANDLES.recvmsg() : null;
    static final MethodHandle RECVMMSG = AVAILABLE ? HANDLES.recvmmsg() : null;
    static final MethodHandle SENDMMSG = AVAILABLE ? HANDLES.sendmmsg() : null;
    static final VarHandle COUNT = AVAILABLE ? HANDLES.count() : null;
    static final VarHandle SENDER_ADDR = AVAILABLE ? HANDLES.senderAddr() : null;
    static final VarHandle SENDER_ADDR_LEN = AVAILABLE ? HANDLES.senderAddrLen() : null;
    static final VarHandle SENDER_PORT = AVAILABLE ? HANDLES.senderPort() : null;
    private static final VarHandle IPV6 = AVAILABLE ? HANDLES.ipv6() : null;

    private NettyDatagramInternals() {
    }

    /** Whether {@code socket} is IPv6 (dual-stack), as Netty's system calls need to know. */
    static boolean ipv6(Socket socket) {
        return (boolean) IPV6.get(socket);
    }

    /** Fixed slots of one direct buffer and a packet array with at least as many packets; event loop only. */
    static final class Slots {
        final int slots;
        final int slotSize;
        final ByteBuf buffer;
        final Object array;
        final Object[] packets;

        Slots(int slots, int slotSize) {
            if (!AVAILABLE) {
                throw new IllegalStateException("Netty's native datagram calls are not available");
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

        /** Empties the packet array (its gather list included). */
        void clear() {
            try {
                CLEAR.invoke(array);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        /** Frees the buffer and the gather list; not used again. */
        void release() {
            buffer.release();
            try {
                RELEASE.invoke(array);
            } catch (Throwable ignored) {
                // nothing else to free
            }
        }
    }
}
