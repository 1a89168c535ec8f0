package org.edgeway.engine.turn;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoop;
import io.netty.channel.IoEventLoop;
import io.netty.channel.unix.Socket;
import io.netty.util.collection.LongObjectHashMap;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import org.edgeway.engine.net.DatagramReceiver;
import org.edgeway.engine.net.DatagramSendBatch;
import org.edgeway.engine.net.DirectDatagramSender;
import org.edgeway.engine.net.NativeDatagramHandle;
import org.edgeway.engine.net.PacketKind;

/**
 * One socket of a UDP request port under native epoll, registered with its event loop as a bare I/O handle: the
 * listener's counterpart of {@link NativeRelaySocket}. Each ready event receives the waiting datagrams in batches
 * (recvmmsg into the slots of a {@link DatagramReceiver}) and demultiplexes them as {@link UdpListenerHandler} does;
 * what leaves goes at once through the socket's {@link DirectDatagramSender} (answers included). A Netty channel
 * would build a DatagramPacket, a buffer slice and the sender's InetSocketAddress for every datagram and walk its
 * pipeline with reference counting; on the relay path this socket builds nothing: an IPv4 client's allocation is
 * found by its address and port as one number ({@link #byClient}), and the bytes are relayed from the slot.
 *
 * <p>Event loop only, apart from {@link #close}. {@code SO_REUSEPORT} keeps every datagram of one client on the
 * same socket, so the allocations a socket knows are those whose Allocate it received; a miss falls back to the
 * listener's shared map.
 */
final class NativeUdpSocket extends NativeDatagramHandle {

    /** Datagram slots per receive call, and the most datagrams one ready event takes before other sockets' turn. */
    private static final int SLOTS = 8;
    private static final int MAX_PER_EVENT = 64;
    /**
     * Datagrams to clients gathered per wake-up into one sendmmsg ({@link DatagramSendBatch}), of at most
     * {@link #BATCH_SLOT} bytes each (larger ones leave at once). System property {@value #BATCH_PROPERTY}: 0 sends
     * each at once (for comparison).
     */
    static final String BATCH_PROPERTY = "edgeway.turn.sendBatch";
    private static final int BATCH_SLOTS = Integer.getInteger(BATCH_PROPERTY, 32);
    private static final int BATCH_SLOT = 2048;

    private final TurnServer server;
    private final TurnListeners.UdpListener listener;
    private final ByteBufAllocator alloc;
    private final DirectDatagramSender sender;
    /** Relayed data for clients, sent once per wake-up; null without Netty's sendmmsg or when switched off. */
    private final DatagramSendBatch batch;
    /** IPv4 clients of this socket: (address << 16 | port) to allocation. */
    private final LongObjectHashMap<Allocation> byClient = new LongObjectHashMap<>();
    private DatagramReceiver receiver;

    NativeUdpSocket(Socket socket, TurnServer server, TurnListeners.UdpListener listener, IoEventLoop loop,
            ByteBufAllocator alloc) {
        super(socket, loop);
        this.server = server;
        this.listener = listener;
        this.alloc = alloc;
        this.sender = DirectDatagramSender.of(socket);
        this.batch = DatagramSendBatch.AVAILABLE && BATCH_SLOTS > 0
                ? new DatagramSendBatch(socket, (EventLoop) loop, BATCH_SLOTS, BATCH_SLOT, server.counters.dropped::add)
                : null;
    }

    /**
     * Relayed data for a client of this socket, as the 4 bytes {@code prefix} (a ChannelData header) and the data:
     * with this wake-up's batch when it can, else at once.
     *
     * @return false if dropped now (a datagram the batch takes may still be dropped when the batch leaves)
     */
    boolean relay(int prefix, ByteBuf data, int index, int length, InetSocketAddress client) {
        if (batch != null && loop.inEventLoop() && batch.add(prefix, data, index, length, client)) {
            return true;
        }
        return sender.send(prefix, data, index, length, client);
    }

    EventLoop loop() {
        return (EventLoop) loop;
    }

    ByteBufAllocator alloc() {
        return alloc;
    }

    DirectDatagramSender sender() {
        return sender;
    }

    TurnListeners.UdpListener listener() {
        return listener;
    }

    InetSocketAddress localAddress() throws IOException {
        return socket.localAddress();
    }

    @Override
    protected void readable() {
        if (receiver == null) {
            receiver = new DatagramReceiver(SLOTS, server.maxDatagramSize + 1);
        }
        int taken = 0;
        while (taken < MAX_PER_EVENT && !isClosed()) {
            int n;
            try {
                n = receiver.receive(socket);
            } catch (IOException e) {
                // an ICMP error reported on the socket (a client went away): nothing to answer
                server.counters.dropped.increment();
                break;
            }
            for (int i = 0; i < n; i++) {
                onDatagram(i);
            }
            taken += n;
            // fewer than the slots: the socket is empty as far as this call could tell; level-triggered epoll
            // reports it again if more has arrived since
            if (n < SLOTS) {
                break;
            }
        }
    }

    private void onDatagram(int slot) {
        DatagramReceiver r = receiver;
        try {
            InetSocketAddress known = null;
            if (!server.gate.blocksNothing()) {
                known = r.sender(slot);
                if (server.gate.refuses(known.getAddress())) {
                    server.counters.dropped.increment();
                    return;
                }
            }
            int size = r.length(slot);
            if (size < 4 || size > server.maxDatagramSize) {
                server.counters.malformed.increment();
                return;
            }
            int offset = r.offset(slot);
            ByteBuf content = r.buffer().setIndex(offset, offset + size);
            PacketKind kind = TurnWire.DEMUX.kind(content.getUnsignedByte(offset));
            if (kind == PacketKind.CHANNEL_DATA) {
                Allocation a = allocation(slot);
                if (a == null) {
                    server.counters.dropped.increment();
                } else {
                    flushLater(server.fastPath.relayChannelData(a, content, false));
                }
            } else if (kind == PacketKind.STUN) {
                if (content.getUnsignedShort(offset) == TurnWire.SEND_INDICATION) {
                    Allocation a = allocation(slot);
                    if (a == null) {
                        server.counters.dropped.increment();
                    } else {
                        flushLater(server.fastPath.relaySend(a, content));
                    }
                } else {
                    server.processor.onStun(new ClientTransport.Udp(this, known != null ? known : r.sender(slot)),
                            content);
                }
            } else {
                server.counters.malformed.increment();
            }
        } catch (RuntimeException e) {
            server.counters.malformed.increment();
            TurnServer.LOG.log(java.util.logging.Level.FINE, "dropped after an internal error", e);
        }
    }

    /** A relay written through a Netty channel (NIO relays only) is flushed with the loop's batch. */
    private static void flushLater(Allocation.Relay relay) {
        if (relay != null && relay.channel != null) {
            FlushBatch.add(relay.channel);
        }
    }

    /** The allocation of the slot's client: by number for IPv4, else (or if this socket did not see it) by address. */
    private Allocation allocation(int slot) {
        DatagramReceiver r = receiver;
        if (r.ipv4(slot)) {
            Allocation a = byClient.get(key(r.ipv4Address(slot), r.port(slot)));
            if (a != null) {
                return a;
            }
        }
        return listener.byClient.get(r.sender(slot));
    }

    /** Called by the client's transport when its allocation is made (on this loop). */
    void attach(InetSocketAddress client, Allocation allocation) {
        long key = key(client);
        if (key >= 0) {
            onLoop(() -> byClient.put(key, allocation));
        }
    }

    void detach(InetSocketAddress client, Allocation allocation) {
        long key = key(client);
        if (key >= 0) {
            onLoop(() -> {
                if (byClient.get(key) == allocation) {
                    byClient.remove(key);
                }
            });
        }
    }

    private void onLoop(Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
        } else if (!loop.isShuttingDown()) {
            loop.execute(task);
        }
    }

    /** An IPv4 client as one number, or -1 for IPv6. */
    private static long key(InetSocketAddress client) {
        if (!(client.getAddress() instanceof Inet4Address v4)) {
            return -1;
        }
        byte[] b = v4.getAddress();
        int ip = (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | b[3] & 0xFF;
        return key(ip, client.getPort());
    }

    private static long key(int ipv4, int port) {
        return (ipv4 & 0xFFFF_FFFFL) << 16 | port;
    }

    /** Frees the receive slots and the sender's scratch memory once the socket is closed. */
    @Override
    protected void closed() {
        if (batch != null) {
            batch.close();
        }
        sender.close();
        if (receiver != null) {
            receiver.close();
        }
        byClient.clear();
    }
}
