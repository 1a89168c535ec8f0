package org.edgeway.engine.turn;

import io.netty.buffer.ByteBuf;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.DatagramChannel;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.edgeway.engine.net.DirectDatagramSender;
import org.edgeway.engine.stun.StunMessage;
import org.edgeway.engine.stun.attribute.AddressFamily;

/**
 * One allocation (RFC 8656 section 2.2): the relayed transport address(es), the 5-tuple, the authentication
 * information, the time-to-expiry, permissions and channel bindings.
 *
 * <p>Threading: every mutation happens on the event loop of the client transport, which is also the loop of the
 * relay sockets, so the packet path needs no locks. Permissions and channels are small copy-on-write arrays
 * (linear scan beats hashing for the one or two entries an ICE client uses, and allocates nothing per packet);
 * counters are single-writer volatiles that status pages read.
 */
final class Allocation {

    static final long PERMISSION_NANOS = 300_000_000_000L;
    static final long CHANNEL_NANOS = 600_000_000_000L;
    /** Allocation lifetime in seconds: default and maximum (RFC 8656 section 7.2). */
    static final long DEFAULT_LIFETIME = 600;
    static final long MAX_LIFETIME = 3600;
    static final long SECOND = 1_000_000_000L;
    static final int MAX_PERMISSIONS = 64;
    static final int MAX_CHANNELS = 64;

    /**
     * A relayed transport address and its socket: under NIO a Netty channel, written through and flushed with the
     * loop's batch; under native epoll a {@link NativeRelaySocket} whose datagrams to peers leave at once.
     */
    static final class Relay {
        final Allocation allocation;
        /** NIO: the relay's channel; null under native epoll. */
        final DatagramChannel channel;
        /** Native epoll: sends to peers at once; null under NIO. */
        final DirectDatagramSender sender;
        final InetSocketAddress address;
        final AddressFamily family;
        private final Runnable close;

        Relay(Allocation allocation, DatagramChannel channel, DirectDatagramSender sender, Runnable close,
                InetSocketAddress address, AddressFamily family) {
            this.allocation = allocation;
            this.channel = channel;
            this.sender = sender;
            this.close = close;
            this.address = address;
            this.family = family;
        }

        /** Closes the socket; its port is freed once it is closed. */
        void close() {
            close.run();
        }
    }

    /** RFC 8656 section 2.3: permissions are per peer IP address, port ignored, 300 s lifetime. */
    static final class Permission {
        final InetAddress address;
        volatile long expiresNanos;

        Permission(InetAddress address, long expiresNanos) {
            this.address = address;
            this.expiresNanos = expiresNanos;
        }
    }

    /** RFC 8656 section 12: a channel number bound to a peer transport address, 600 s lifetime. */
    static final class ChannelBinding {
        final int number;
        final InetSocketAddress peer;
        volatile long expiresNanos;

        ChannelBinding(int number, InetSocketAddress peer, long expiresNanos) {
            this.number = number;
            this.peer = peer;
            this.expiresNanos = expiresNanos;
        }
    }

    private static final Permission[] NO_PERMISSIONS = {};
    private static final ChannelBinding[] NO_CHANNELS = {};

    final TurnServer server;
    final ClientTransport client;
    final FiveTuple fiveTuple;
    final String username;
    final byte[] key;
    final StunMessage.Integrity integrity;
    final boolean fingerprint;
    private final byte[] allocateTransactionId;
    private final Instant createdAt = Instant.now();
    private final long createdNanos = System.nanoTime();
    private volatile long expiresNanos;
    private volatile Relay relay4;
    private volatile Relay relay6;
    private byte[] allocateResponse;
    private volatile boolean closed;

    private volatile Permission[] permissions = NO_PERMISSIONS;
    private volatile ChannelBinding[] channels = NO_CHANNELS;

    private volatile long packetsFromClient;
    private volatile long bytesFromClient;
    private volatile long packetsToClient;
    private volatile long bytesToClient;
    private volatile long packetsDropped;

    // Send indication fast path: the last IPv4 peer, to avoid rebuilding the address per packet.
    private int lastPeerIp;
    private int lastPeerPort = -1;
    private InetSocketAddress lastPeer;

    Allocation(TurnServer server, ClientTransport client, String username, byte[] key, StunMessage.Integrity integrity,
            boolean fingerprint, byte[] allocateTransactionId, long lifetimeNanos) {
        this.server = server;
        this.client = client;
        this.fiveTuple = new FiveTuple(client.client, client.server, client.protocol());
        this.username = username;
        this.key = key;
        this.integrity = integrity;
        this.fingerprint = fingerprint;
        this.allocateTransactionId = allocateTransactionId;
        this.expiresNanos = createdNanos + lifetimeNanos;
    }

    /** Attaches a relay socket of the relay's family. */
    void setRelay(Relay relay) {
        if (relay.family == AddressFamily.IPV4) {
            relay4 = relay;
        } else {
            relay6 = relay;
        }
    }

    /** Detaches and returns the relay of this family, or null. */
    Relay removeRelay(AddressFamily family) {
        Relay r = relay(family);
        if (family == AddressFamily.IPV4) {
            relay4 = null;
        } else {
            relay6 = null;
        }
        return r;
    }

    /** Keeps the encoded success answer so a retransmitted Allocate gets the same one (RFC 8656 section 7.2). */
    void answered(byte[] response) {
        allocateResponse = response;
    }

    /** The answer to a retransmission of the Allocate that created this allocation, or null for another request. */
    byte[] answerTo(byte[] transactionId) {
        return java.util.Arrays.equals(allocateTransactionId, transactionId) ? allocateResponse : null;
    }

    void refresh(long nowNanos, long lifetimeSeconds) {
        expiresNanos = nowNanos + lifetimeSeconds * SECOND;
    }

    boolean expired(long nowNanos) {
        return expiresNanos - nowNanos <= 0;
    }

    /** The granted lifetime in seconds. */
    long lifetimeSeconds() {
        return (expiresNanos - createdNanos) / SECOND;
    }

    /** Marks it closed; false if it already was (deletion is idempotent). */
    boolean close() {
        if (closed) {
            return false;
        }
        closed = true;
        return true;
    }

    /** Counts a packet dropped on its way through this allocation. */
    void dropped() {
        packetsDropped++;
    }

    long packetsRelayed() {
        return packetsFromClient + packetsToClient;
    }

    long bytesRelayed() {
        return bytesFromClient + bytesToClient;
    }

    Relay relay(AddressFamily family) {
        return family == AddressFamily.IPV4 ? relay4 : relay6;
    }

    Relay relayFor(InetAddress peer) {
        return peer instanceof Inet4Address ? relay4 : relay6;
    }

    List<Relay> relays() {
        List<Relay> list = new ArrayList<>(2);
        Relay r4 = relay4;
        Relay r6 = relay6;
        if (r4 != null) {
            list.add(r4);
        }
        if (r6 != null) {
            list.add(r6);
        }
        return list;
    }

    int relayCount() {
        return (relay4 != null ? 1 : 0) + (relay6 != null ? 1 : 0);
    }

    // ------------------------------------------------------------ permissions and channels (event loop only)

    boolean permitted(InetAddress peer, long nowNanos) {
        for (Permission p : permissions) {
            if (p.address.equals(peer)) {
                return p.expiresNanos - nowNanos > 0;
            }
        }
        return false;
    }

    int permissionCount() {
        return permissions.length;
    }

    boolean hasPermission(InetAddress peer) {
        for (Permission p : permissions) {
            if (p.address.equals(peer)) {
                return true;
            }
        }
        return false;
    }

    /** Installs or refreshes a permission. */
    void permit(InetAddress peer, long nowNanos) {
        long expiry = nowNanos + PERMISSION_NANOS;
        for (Permission p : permissions) {
            if (p.address.equals(peer)) {
                p.expiresNanos = expiry;
                return;
            }
        }
        Permission[] next = java.util.Arrays.copyOf(permissions, permissions.length + 1);
        next[permissions.length] = new Permission(peer, expiry);
        permissions = next;
    }

    ChannelBinding channelByNumber(int number) {
        for (ChannelBinding c : channels) {
            if (c.number == number) {
                return c;
            }
        }
        return null;
    }

    ChannelBinding channelByPeer(InetSocketAddress peer) {
        for (ChannelBinding c : channels) {
            if (c.peer.equals(peer)) {
                return c;
            }
        }
        return null;
    }

    int channelCount() {
        return channels.length;
    }

    /** Installs or refreshes a binding (the caller checked the RFC 8656 section 12 rules). */
    void bind(int number, InetSocketAddress peer, long nowNanos) {
        ChannelBinding existing = channelByNumber(number);
        if (existing != null) {
            existing.expiresNanos = nowNanos + CHANNEL_NANOS;
            return;
        }
        ChannelBinding[] next = java.util.Arrays.copyOf(channels, channels.length + 1);
        next[channels.length] = new ChannelBinding(number, peer, nowNanos + CHANNEL_NANOS);
        channels = next;
    }

    /** Removes expired permissions and bindings. */
    void purge(long nowNanos) {
        Permission[] ps = permissions;
        int live = 0;
        for (Permission p : ps) {
            if (p.expiresNanos - nowNanos > 0) {
                live++;
            }
        }
        if (live != ps.length) {
            Permission[] next = new Permission[live];
            int i = 0;
            for (Permission p : ps) {
                if (p.expiresNanos - nowNanos > 0) {
                    next[i++] = p;
                }
            }
            permissions = next;
        }
        ChannelBinding[] cs = channels;
        live = 0;
        for (ChannelBinding c : cs) {
            if (c.expiresNanos - nowNanos > 0) {
                live++;
            }
        }
        if (live != cs.length) {
            ChannelBinding[] next = new ChannelBinding[live];
            int i = 0;
            for (ChannelBinding c : cs) {
                if (c.expiresNanos - nowNanos > 0) {
                    next[i++] = c;
                }
            }
            channels = next;
        }
    }

    // ------------------------------------------------------------ packet path

    /**
     * An IPv4 peer address (of a Send indication's XOR-PEER-ADDRESS, or of a datagram a relay received), reusing the
     * last one when unchanged: an allocation mostly talks to one peer. Event loop only.
     */
    InetSocketAddress peer4(int ip, int port) {
        if (ip == lastPeerIp && port == lastPeerPort) {
            return lastPeer;
        }
        byte[] b = {(byte) (ip >>> 24), (byte) (ip >>> 16), (byte) (ip >>> 8), (byte) ip};
        InetSocketAddress peer;
        try {
            peer = new InetSocketAddress(InetAddress.getByAddress(b), port);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        lastPeerIp = ip;
        lastPeerPort = port;
        lastPeer = peer;
        return peer;
    }

    /**
     * Sends the application data at {@code index} ({@code length} bytes) of a received buffer to a peer through the
     * relay of the peer's family; does not take ownership of {@code buf}, whose bytes around the application data
     * may be overwritten. Under native epoll the datagram leaves at once ({@link DirectDatagramSender}); under NIO
     * it is written to the relay channel, to be flushed at the end of the read batch. When the peer is another
     * relay of this server (two clients of the same TURN server talking relay to relay), the data is handed to that
     * allocation directly instead of crossing the kernel twice; the receiving allocation applies its permissions
     * exactly as if the datagram had arrived on its socket.
     *
     * @return the relay written to (to flush at the end of the read batch), or null if sent, dropped or handed over
     */
    Relay toPeer(ByteBuf buf, int index, int length, InetSocketAddress peer) {
        Relay relay = relayFor(peer.getAddress());
        if (relay == null || closed) {
            packetsDropped++;
            return null;
        }
        Relay target = server.hairpin ? server.localRelay(peer) : null;
        if (relay.sender != null && target == null) {
            if (relay.sender.send(buf, index, length, peer)) {
                packetsFromClient++;
                bytesFromClient += length;
            } else {
                packetsDropped++;
            }
            return null;
        }
        packetsFromClient++;
        bytesFromClient += length;
        if (target != null) {
            Allocation other = target.allocation;
            io.netty.channel.EventLoop loop = other.client.eventLoop();
            InetSocketAddress source = relay.address;
            // on this loop: a view that keeps the bytes in front of the data, so a header can still be written in
            // place; for another loop a copy, as the received bytes may sit in a slot the next receive reuses
            ByteBuf data = loop.inEventLoop() ? buf.retainedDuplicate().setIndex(index, index + length)
                    : buf.copy(index, length);
            if (loop.inEventLoop()) {
                try {
                    other.fromPeer(data, source);
                } finally {
                    data.release();
                }
            } else {
                loop.execute(() -> {
                    try {
                        other.fromPeer(data, source);
                    } finally {
                        data.release();
                    }
                });
            }
            return null;
        }
        // NIO relays only (native ones have a sender): the received buffer is Netty's, kept alive by the view
        ByteBuf data = buf.retainedDuplicate().setIndex(index, index + length);
        relay.channel.write(new DatagramPacket(data, peer), relay.channel.voidPromise());
        return relay;
    }

    /**
     * Data from a peer arrived on a relay (or from a local relay): to the client as ChannelData or a Data
     * indication. Does not take ownership of {@code data}; when it has room around the application data the
     * headers are written in place and the same memory is sent on.
     */
    void fromPeer(ByteBuf data, InetSocketAddress peer) {
        long now = System.nanoTime();
        if (closed || !permitted(peer.getAddress(), now)) {
            packetsDropped++;
            return;
        }
        if (client.tcp() && !client.writable()) {
            packetsDropped++;
            return;
        }
        int length = data.readableBytes();
        ChannelBinding binding = channelByPeer(peer);
        boolean sent = binding != null && binding.expiresNanos - now > 0 ? client.relayChannelData(binding.number, data)
                : client.relay(TurnWire.dataIndication(client.alloc(), peer, data, fingerprint));
        if (!sent) {
            packetsDropped++;
            return;
        }
        packetsToClient++;
        bytesToClient += length;
    }

    // ------------------------------------------------------------ status

    TurnSnapshot.RelayView view(long nowNanos) {
        List<TurnSnapshot.PermissionView> ps = new ArrayList<>();
        for (Permission p : permissions) {
            ps.add(new TurnSnapshot.PermissionView(p.address.getHostAddress(), left(p.expiresNanos, nowNanos)));
        }
        List<TurnSnapshot.ChannelView> cs = new ArrayList<>();
        for (ChannelBinding c : channels) {
            cs.add(new TurnSnapshot.ChannelView(c.number, TurnServer.format(c.peer), left(c.expiresNanos, nowNanos)));
        }
        return new TurnSnapshot.RelayView(TurnServer.format(client.client), TurnServer.format(client.server),
                client.protocol(), username, relays().stream().map(r -> TurnServer.format(r.address)).toList(),
                createdAt, Duration.ofNanos(nowNanos - createdNanos), left(expiresNanos, nowNanos), ps, cs,
                packetsFromClient, bytesFromClient, packetsToClient, bytesToClient, packetsDropped);
    }

    private static Duration left(long expiresNanos, long nowNanos) {
        return Duration.ofNanos(Math.max(0, expiresNanos - nowNanos));
    }
}
