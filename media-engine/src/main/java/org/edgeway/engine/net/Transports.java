package org.edgeway.engine.net;

import io.netty.bootstrap.AbstractBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioChannelOption;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.unix.Socket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import org.edgeway.engine.stun.attribute.AddressFamily;

/**
 * The one place that chooses Netty's transport: native epoll on Linux when its library loads (recvmmsg, sendmmsg
 * of a flushed batch, no selector garbage), else NIO. The event loops, the TURN listeners and relays and the SIP
 * transports all take their channel classes and socket options from here, so they always match the loops.
 * {@value #NIO_PROPERTY}{@code =true} forces NIO (diagnosis, comparison).
 */
public final class Transports {

    public static final String NIO_PROPERTY = "edgeway.engine.nio";

    private static final boolean EPOLL = !Boolean.getBoolean(NIO_PROPERTY) && Epoll.isAvailable();

    private Transports() {
    }

    /** True when the native epoll transport is in use. */
    public static boolean epoll() {
        return EPOLL;
    }

    /** "epoll" or "nio" (status, logs); with the reason epoll is unavailable when it is. */
    public static String describe() {
        if (EPOLL) {
            return "epoll";
        }
        return Boolean.getBoolean(NIO_PROPERTY) ? "nio (" + NIO_PROPERTY + ")"
                : "nio (epoll unavailable: " + Epoll.unavailabilityCause() + ")";
    }

    public static IoHandlerFactory ioHandlerFactory() {
        return EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }

    public static Class<? extends DatagramChannel> datagramChannel() {
        return EPOLL ? EpollDatagramChannel.class : NioDatagramChannel.class;
    }

    public static Class<? extends ServerSocketChannel> serverSocketChannel() {
        return EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    public static Class<? extends SocketChannel> socketChannel() {
        return EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    /**
     * Buffers of the media packet path: Netty's pooled allocator, whose per-thread caches serve a buffer allocated
     * and released on the same event loop without touching a shared queue (the default adaptive allocator hands
     * every receive buffer through lock-free queues between magazines).
     */
    public static ByteBufAllocator packetAllocator() {
        return PooledByteBufAllocator.DEFAULT;
    }

    /** SO_REUSEPORT: several sockets, one per event loop, share a port and the kernel spreads the datagrams. */
    public static void reusePort(AbstractBootstrap<?, ?> b) {
        if (EPOLL) {
            b.option(EpollChannelOption.SO_REUSEPORT, true);
        } else {
            b.option(NioChannelOption.of(StandardSocketOptions.SO_REUSEPORT), true);
        }
    }

    /**
     * Receives up to {@code batch} datagrams of at most {@code slot} bytes per system call (recvmmsg) where the
     * transport can, one per call otherwise. Each datagram arrives as a slice of one shared buffer, without
     * headroom: for sockets whose data is forwarded as is or consumed (TURN listeners), not where a header is
     * prepended in place. A read batch (up to {@code maxMessagesPerRead} datagrams) ends at the first
     * call that did not fill its slots ({@link DatagramBatchAllocator}), with one {@code channelReadComplete}.
     * Without recvmmsg, {@code single} allocates the receive buffers.
     */
    public static void batchReceive(AbstractBootstrap<?, ?> b, int slot, int batch, int maxMessagesPerRead,
            RecvByteBufAllocator single) {
        if (EPOLL) {
            b.option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, slot);
        }
        b.option(ChannelOption.RCVBUF_ALLOCATOR,
                EPOLL ? new DatagramBatchAllocator(slot * batch, maxMessagesPerRead) : single);
    }

    /** A UDP socket bound to {@code local}, or an exception (port in use, address not local). */
    public static BoundDatagram bindDatagram(AddressFamily family, InetSocketAddress local) throws IOException {
        return EPOLL ? NativeDatagram.bind(local) : JdkDatagram.bind(family, local);
    }

    /** Epoll: a native socket (dual-stack where IPv6 is available, as Netty's own), wrapped by its descriptor. */
    private record NativeDatagram(Socket socket, int port) implements BoundDatagram {

        static BoundDatagram bind(InetSocketAddress local) throws IOException {
            Socket socket = Socket.newSocketDgram();
            try {
                socket.bind(local);
                return new NativeDatagram(socket, socket.localAddress().getPort());
            } catch (IOException | RuntimeException e) {
                closeQuietly(socket);
                throw e;
            }
        }

        @Override
        public DatagramChannel toChannel() {
            return new EpollDatagramChannel(socket.intValue());
        }

        @Override
        public Socket nativeSocket() {
            return socket;
        }

        @Override
        public void close() {
            closeQuietly(socket);
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    /** NIO: a JDK channel of the requested family. */
    private record JdkDatagram(java.nio.channels.DatagramChannel channel, int port) implements BoundDatagram {

        static BoundDatagram bind(AddressFamily family, InetSocketAddress local) throws IOException {
            java.nio.channels.DatagramChannel ch = java.nio.channels.DatagramChannel.open(
                    family == AddressFamily.IPV4 ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6);
            try {
                ch.bind(local);
                return new JdkDatagram(ch, ch.socket().getLocalPort());
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
        }

        @Override
        public DatagramChannel toChannel() {
            return new NioDatagramChannel(channel);
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
