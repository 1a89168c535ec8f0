package org.edgeway.engine.turn;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import org.edgeway.engine.net.DirectDatagramSender;

/**
 * The client side of a 5-tuple: where answers and relayed data for one client go, and where its allocation is
 * looked up. UDP: a listener socket plus the client's address; TCP: the client's connection.
 */
abstract class ClientTransport {

    /** The Netty channel written through; null for a UDP listener socket read without one ({@link NativeUdpSocket}). */
    final Channel channel;
    private final EventLoop loop;
    private final ByteBufAllocator alloc;
    final InetSocketAddress client;
    final InetSocketAddress server;

    ClientTransport(Channel channel, EventLoop loop, ByteBufAllocator alloc, InetSocketAddress client,
            InetSocketAddress server) {
        this.channel = channel;
        this.loop = loop;
        this.alloc = alloc;
        this.client = client;
        this.server = server;
    }

    /** Queues a frame (STUN message or ChannelData) for the client; takes ownership. Does not flush. */
    abstract void write(ByteBuf frame);

    abstract boolean tcp();

    /**
     * Relayed application data for the client as ChannelData on {@code number} ({@code data} not consumed), sent
     * with the loop's flush batch ({@link FlushBatch}).
     *
     * @return false if dropped
     */
    boolean relayChannelData(int number, ByteBuf data) {
        return relay(TurnWire.channelData(alloc(), number, data, tcp()));
    }

    /** A relayed frame (Data indication) for the client, consumed, sent with the loop's flush batch. */
    boolean relay(ByteBuf frame) {
        write(frame);
        FlushBatch.add(channel);
        return true;
    }

    /** The allocation on this 5-tuple, or null. */
    abstract Allocation allocation();

    abstract void attach(Allocation allocation);

    abstract void detach(Allocation allocation);

    /** The listener this client came in on (capacity accounting per request port). */
    abstract TurnListeners.Listener listener();

    final void writeAndFlush(ByteBuf frame) {
        write(frame);
        flush();
    }

    final void flush() {
        if (channel != null) {
            channel.flush();
        }
    }

    final boolean writable() {
        return channel == null || channel.isWritable();
    }

    final EventLoop eventLoop() {
        return loop;
    }

    final ByteBufAllocator alloc() {
        return alloc;
    }

    /** "UDP", "TCP" or "TLS" (TLS-over-TCP): part of the 5-tuple and shown on the relay usage page. */
    String protocol() {
        return tcp() ? "TCP" : "UDP";
    }

    /**
     * UDP: one listener socket shared by many clients. Under native epoll relayed data leaves through the listener
     * socket's {@link DirectDatagramSender}, ChannelData gathered from its header and the received bytes, or, on a
     * socket read without a channel, with that socket's batch of the wake-up ({@link NativeUdpSocket#relay});
     * STUN answers go through the channel, or leave at once too when the socket has none ({@link NativeUdpSocket}).
     */
    static final class Udp extends ClientTransport {
        private final TurnListeners.UdpListener listener;
        private final DirectDatagramSender sender;
        private final NativeUdpSocket socket;

        /** Over a Netty channel; {@code sender}: the channel socket's, or null to write relayed data through it. */
        Udp(Channel channel, DirectDatagramSender sender, InetSocketAddress client,
                TurnListeners.UdpListener listener) {
            super(channel, channel.eventLoop(), channel.alloc(), client, listener.address);
            this.sender = sender;
            this.listener = listener;
            this.socket = null;
        }

        /** Over a listener socket read without a channel: everything leaves through its sender. */
        Udp(NativeUdpSocket socket, InetSocketAddress client) {
            super(null, socket.loop(), socket.alloc(), client, socket.listener().address);
            this.sender = socket.sender();
            this.listener = socket.listener();
            this.socket = socket;
        }

        @Override
        void write(ByteBuf frame) {
            if (channel != null) {
                channel.write(new DatagramPacket(frame, client), channel.voidPromise());
                return;
            }
            try {
                // an answer the socket cannot take now is lost as on the wire: the client retransmits
                sender.send(frame, frame.readerIndex(), frame.readableBytes(), client);
            } finally {
                frame.release();
            }
        }

        @Override
        boolean relayChannelData(int number, ByteBuf data) {
            if (sender == null) {
                return super.relayChannelData(number, data);
            }
            int length = data.readableBytes();
            if (socket != null) {
                return socket.relay(number << 16 | length, data, data.readerIndex(), length, client);
            }
            return sender.send(number << 16 | length, data, data.readerIndex(), length, client);
        }

        @Override
        boolean relay(ByteBuf frame) {
            if (sender == null) {
                return super.relay(frame);
            }
            try {
                return sender.send(frame, frame.readerIndex(), frame.readableBytes(), client);
            } finally {
                frame.release();
            }
        }

        @Override
        boolean tcp() {
            return false;
        }

        @Override
        Allocation allocation() {
            return listener.byClient.get(client);
        }

        @Override
        void attach(Allocation allocation) {
            listener.byClient.put(client, allocation);
            if (socket != null) {
                socket.attach(client, allocation);
            }
        }

        @Override
        void detach(Allocation allocation) {
            listener.byClient.remove(client, allocation);
            if (socket != null) {
                socket.detach(client, allocation);
            }
        }

        @Override
        TurnListeners.Listener listener() {
            return listener;
        }
    }

    /** TCP or TLS-over-TCP: the connection is the 5-tuple; at most one allocation on it. */
    static final class Tcp extends ClientTransport {
        private final TurnListeners.TcpListener listener;
        private volatile Allocation allocation;

        Tcp(Channel channel, TurnListeners.TcpListener listener) {
            super(channel, channel.eventLoop(), channel.alloc(), (InetSocketAddress) channel.remoteAddress(),
                    (InetSocketAddress) channel.localAddress());
            this.listener = listener;
        }

        /**
         * TCP: queued until the batch flush. TLS: flushed at once so each TURN message is its own TLS record
         * (SslHandler would coalesce a batch into one record; coturn itself writes one record per message and
         * clients such as coturn's {@code turnutils_uclient} take each record read as exactly one message).
         */
        @Override
        void write(ByteBuf frame) {
            if (listener.tls != null) {
                channel.writeAndFlush(frame, channel.voidPromise());
            } else {
                channel.write(frame, channel.voidPromise());
            }
        }

        @Override
        boolean tcp() {
            return true;
        }

        @Override
        String protocol() {
            return listener.tls != null ? "TLS" : "TCP";
        }

        @Override
        Allocation allocation() {
            return allocation;
        }

        @Override
        void attach(Allocation a) {
            allocation = a;
        }

        @Override
        void detach(Allocation a) {
            if (allocation == a) {
                allocation = null;
            }
        }

        @Override
        TurnListeners.Listener listener() {
            return listener;
        }
    }
}
