package org.edgeway.engine.bench;

import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.edgeway.engine.stun.LongTermCredentials;
import org.edgeway.engine.stun.PasswordAlgorithm;
import org.edgeway.engine.stun.StunDecoder;
import org.edgeway.engine.stun.StunEncoder;
import org.edgeway.engine.stun.StunErrorCode;
import org.edgeway.engine.stun.StunMessage;
import org.edgeway.engine.stun.StunMethod;
import org.edgeway.engine.stun.attribute.ChannelNumberAttribute;
import org.edgeway.engine.stun.attribute.LifetimeAttribute;
import org.edgeway.engine.stun.attribute.NonceAttribute;
import org.edgeway.engine.stun.attribute.RealmAttribute;
import org.edgeway.engine.stun.attribute.RequestedTransportAttribute;
import org.edgeway.engine.stun.attribute.StunAttribute;
import org.edgeway.engine.stun.attribute.UsernameAttribute;
import org.edgeway.engine.stun.attribute.XorPeerAddressAttribute;
import org.edgeway.engine.stun.attribute.XorRelayedAddressAttribute;

/**
 * A TURN load generator over UDP for any standard server (validated against coturn 4.6.1 and ours).
 *
 * <pre>
 * TurnLoad --server 127.0.0.1:3478 [--user alice --password secret] MODE
 *   saturate --pairs 50 --rates 10000,20000,40000 --seconds 3 --size 172 [--peers ip:port,...]
 *            [--max-loss 0.1] [--server-pid PID] [--stop-after-loss 1]
 *       without --peers: client pairs A_i/B_i with allocations and channels both ways; A_i sends ChannelData to
 *       B_i's relay. With --peers: one client per pair, its channel bound to an external UDP echo peer (taken in
 *       turn from the list); each message is a round trip client - relay - peer - relay - client. Sends at the
 *       given total rates (one step per rate); prints sent/received/loss per step (with --server-pid also the
 *       server's CPU microseconds per message from /proc) and the highest rate whose loss stayed within
 *       --max-loss percent (default 0) before the first step above it; --stop-after-loss N ends the sweep after
 *       N steps above it (default: all steps)
 *   allocs --count 2000 --concurrency 64
 *       Allocate with the full 401 dance on a fresh 5-tuple each, K in flight; prints allocations/s; deletes them
 *   hold --count 1000 --seconds 30
 *       creates N allocations with one permission and one channel each, prints HOLDING, waits, deletes them
 * </pre>
 */
public final class TurnLoad {

    private final InetSocketAddress server;
    private final String user;
    private final String password;

    private TurnLoad(InetSocketAddress server, String user, String password) {
        this.server = server;
        this.user = user;
        this.password = password;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        String mode = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                o.put(args[i].substring(2), args[++i]);
            } else {
                mode = args[i];
            }
        }
        String[] hp = o.getOrDefault("server", "127.0.0.1:3478").split(":");
        TurnLoad load = new TurnLoad(new InetSocketAddress(InetAddress.getByName(hp[0]), Integer.parseInt(hp[1])),
                o.getOrDefault("user", "alice"), o.getOrDefault("password", "secret"));
        switch (String.valueOf(mode)) {
            case "saturate" -> load.saturate(Integer.parseInt(o.getOrDefault("pairs", "50")),
                    o.getOrDefault("rates", "10000,20000,40000"), Double.parseDouble(o.getOrDefault("seconds", "3")),
                    Integer.parseInt(o.getOrDefault("size", "172")), peers(o.get("peers")),
                    Double.parseDouble(o.getOrDefault("max-loss", "0")),
                    Long.parseLong(o.getOrDefault("server-pid", "0")),
                    Integer.parseInt(o.getOrDefault("stop-after-loss", "0")));
            case "allocs" -> load.allocs(Integer.parseInt(o.getOrDefault("count", "2000")),
                    Integer.parseInt(o.getOrDefault("concurrency", "64")));
            case "hold" -> load.hold(Integer.parseInt(o.getOrDefault("count", "1000")),
                    Double.parseDouble(o.getOrDefault("seconds", "30")));
            default -> {
                System.err.println("usage: TurnLoad --server ip:port [--user u --password p] saturate|allocs|hold ...");
                System.exit(2);
            }
        }
    }

    private static List<InetSocketAddress> peers(String list) throws IOException {
        List<InetSocketAddress> peers = new ArrayList<>();
        if (list != null) {
            for (String p : list.split(",")) {
                String[] hp = p.trim().split(":");
                peers.add(new InetSocketAddress(InetAddress.getByName(hp[0]), Integer.parseInt(hp[1])));
            }
        }
        return peers;
    }

    // ------------------------------------------------------------------ one client (5-tuple)

    /** A client socket with its allocation state; blocking-style helpers with retransmission. */
    final class Client {
        DatagramChannel ch;
        Selector selector;
        String realm;
        String nonce;
        InetSocketAddress relay;
        byte[] key;

        Client() throws IOException {
            open();
        }

        private void open() throws IOException {
            ch = DatagramChannel.open();
            ch.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            ch.setOption(java.net.StandardSocketOptions.SO_RCVBUF, 1 << 20);
            ch.configureBlocking(false);
            selector = Selector.open();
            ch.register(selector, SelectionKey.OP_READ);
        }

        StunMessage transact(StunMessage request) throws Exception {
            byte[] bytes = StunEncoder.encodeToBytes(request);
            ByteBuffer in = ByteBuffer.allocate(65536);
            for (int attempt = 0; attempt < 7; attempt++) {
                ch.send(ByteBuffer.wrap(bytes), server);
                long deadline = System.nanoTime() + (500_000_000L << Math.min(attempt, 3));
                while (System.nanoTime() < deadline) {
                    selector.select(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                    selector.selectedKeys().clear();
                    in.clear();
                    while (ch.receive(in) != null) {
                        in.flip();
                        if (in.remaining() >= 20 && (in.get(0) & 0xC0) == 0) {
                            StunMessage m = StunDecoder.decodeMessage(Unpooled.wrappedBuffer(in));
                            if (java.util.Arrays.equals(m.transactionId(), request.transactionId())) {
                                return m;
                            }
                        }
                        in.clear();
                    }
                }
            }
            throw new IOException("no answer from " + server);
        }

        StunMessage authenticated(int method, StunAttribute... attributes) throws Exception {
            for (int i = 0; i < 3; i++) {
                StunMessage.Builder b = StunMessage.request(method);
                for (StunAttribute a : attributes) {
                    b.add(a);
                }
                if (nonce != null) {
                    b.add(new UsernameAttribute(user)).add(new RealmAttribute(realm)).add(new NonceAttribute(nonce))
                            .integrity(key, StunMessage.Integrity.SHA1);
                }
                StunMessage r = transact(b.fingerprint(true).build());
                int code = r.errorCode();
                if ((code == StunErrorCode.UNAUTHENTICATED && nonce == null) || code == StunErrorCode.STALE_NONCE) {
                    realm = r.get(RealmAttribute.class).value();
                    nonce = r.get(NonceAttribute.class).value();
                    key = LongTermCredentials.key(PasswordAlgorithm.MD5, user, realm, password);
                    continue;
                }
                if (code != 0) {
                    throw new IOException(StunMethod.name(method) + " failed: " + r);
                }
                return r;
            }
            throw new IOException("authentication did not converge");
        }

        /**
         * Allocates; on 437 (an earlier client left an allocation on this reused port, RFC 8656 section 7.2) it
         * moves to a new 5-tuple as a real client would.
         */
        void allocate() throws Exception {
            for (int attempt = 0; ; attempt++) {
                try {
                    StunMessage r = authenticated(StunMethod.ALLOCATE, new RequestedTransportAttribute(17));
                    XorRelayedAddressAttribute relayed = r.get(XorRelayedAddressAttribute.class);
                    if (relayed == null) {
                        throw new IOException("Allocate answered without a relayed address: " + r);
                    }
                    relay = relayed.address();
                    return;
                } catch (IOException e) {
                    if (attempt >= 5 || !String.valueOf(e.getMessage()).contains("code=437")) {
                        throw e;
                    }
                    close();
                    open();
                }
            }
        }

        void close() {
            try {
                selector.close();
                ch.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    // ------------------------------------------------------------------ saturate

    void saturate(int pairs, String rates, double seconds, int size, List<InetSocketAddress> peers,
            double maxLoss, long serverPid, int stopAfterLoss) throws Exception {
        List<Client> senders = new ArrayList<>();
        List<Client> receivers = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            Client a = new Client();
            a.allocate();
            if (peers.isEmpty()) {
                Client b = new Client();
                b.allocate();
                a.authenticated(StunMethod.CHANNEL_BIND, new ChannelNumberAttribute(0x4000),
                        new XorPeerAddressAttribute(b.relay));
                b.authenticated(StunMethod.CHANNEL_BIND, new ChannelNumberAttribute(0x4000),
                        new XorPeerAddressAttribute(a.relay));
                receivers.add(b);
            } else {
                // the echo peer sends each message back to the relay, which hands it to A on the same channel
                a.authenticated(StunMethod.CHANNEL_BIND, new ChannelNumberAttribute(0x4000),
                        new XorPeerAddressAttribute(peers.get(i % peers.size())));
                receivers.add(a);
            }
            senders.add(a);
        }
        Selector selector = Selector.open();
        for (Client b : receivers) {
            b.ch.register(selector, SelectionKey.OP_READ);
        }
        AtomicLong received = new AtomicLong();
        Thread rx = new Thread(() -> {
            ByteBuffer in = ByteBuffer.allocateDirect(65536);
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    selector.select(100);
                    for (SelectionKey k : selector.selectedKeys()) {
                        DatagramChannel c = (DatagramChannel) k.channel();
                        in.clear();
                        while (c.receive(in) != null) {
                            if ((in.get(0) & 0xC0) == 0x40) {
                                received.incrementAndGet();
                            }
                            in.clear();
                        }
                    }
                    selector.selectedKeys().clear();
                }
            } catch (IOException | java.nio.channels.ClosedSelectorException e) {
                // stopping
            }
        }, "turnload-rx");
        rx.setDaemon(true);
        rx.start();
        ByteBuffer packet = ByteBuffer.allocateDirect(4 + size);
        packet.putShort((short) 0x4000).putShort((short) size);
        while (packet.hasRemaining()) {
            packet.put((byte) 0x5A);
        }
        long best = 0;
        long firstLoss = 0;
        int lossySteps = 0;
        System.out.printf("SETUP pairs=%d size=%d peers=%d%n", pairs, size, peers.size());
        for (String r : rates.split(",")) {
            long rate = Long.parseLong(r.trim());
            long before = received.get();
            long[] ticks0 = ProcessTicks.userSystem(serverPid);
            long[] switches0 = ProcessTicks.contextSwitches(serverPid);
            long sent = 0;
            long start = System.nanoTime();
            long duration = (long) (seconds * 1e9);
            int next = 0;
            while (true) {
                long elapsed = System.nanoTime() - start;
                if (elapsed >= duration) {
                    break;
                }
                long due = elapsed * rate / 1_000_000_000L;
                if (sent >= due) {
                    LockSupport.parkNanos(200_000);
                    continue;
                }
                while (sent < due) {
                    Client a = senders.get(next);
                    next = next + 1 == senders.size() ? 0 : next + 1;
                    packet.clear();
                    a.ch.send(packet, server);
                    sent++;
                }
            }
            double actualSeconds = (System.nanoTime() - start) / 1e9;
            Thread.sleep(500);
            long got = received.get() - before;
            long[] ticks1 = ProcessTicks.userSystem(serverPid);
            long[] switches1 = ProcessTicks.contextSwitches(serverPid);
            double loss = sent == 0 ? 0 : Math.max(0, 100.0 * (sent - got) / sent);
            // kernel time apart: what any server doing the same system calls pays, whatever its language
            String cpu = ticks0 == null || ticks1 == null || got == 0 ? ""
                    : String.format(" cpu_us_per_msg=%.2f sys_us_per_msg=%.2f",
                            (ticks1[0] + ticks1[1] - ticks0[0] - ticks0[1]) * ProcessTicks.MICROS_PER_TICK / got,
                            (ticks1[1] - ticks0[1]) * ProcessTicks.MICROS_PER_TICK / got);
            if (switches0 != null && switches1 != null && got > 0) {
                cpu += String.format(" wakeups_per_msg=%.3f preempted_per_msg=%.3f",
                        (double) (switches1[0] - switches0[0]) / got, (double) (switches1[1] - switches0[1]) / got);
            }
            System.out.printf("RATE target=%d sent=%d received=%d loss=%.3f%% achieved=%.0f/s%s%n", rate, sent, got,
                    loss, got / actualSeconds, cpu);
            if (loss <= maxLoss && got > 0 && sent >= rate * seconds * 0.95) {
                if (firstLoss == 0) {
                    best = Math.max(best, rate);
                }
            } else {
                if (firstLoss == 0) {
                    firstLoss = rate;
                }
                if (++lossySteps == stopAfterLoss) {
                    break;
                }
            }
        }
        // the highest rate relayed without loss before the first step that lost packets
        System.out.printf("SATURATION zero-loss-rate=%d first-loss-at=%d%n", best, firstLoss);
        rx.interrupt();
        selector.close();
        for (Client a : senders) {
            delete(a);
        }
        if (peers.isEmpty()) {
            for (Client b : receivers) {
                delete(b);
            }
        }
    }

    private void delete(Client c) {
        try {
            c.authenticated(StunMethod.REFRESH, new LifetimeAttribute(0));
        } catch (Exception ignored) {
            // best effort
        }
        c.close();
    }

    // ------------------------------------------------------------------ allocs

    void allocs(int count, int concurrency) throws Exception {
        // Each allocation: fresh 5-tuple, unauthenticated Allocate, 401, authenticated Allocate, success.
        Selector selector = Selector.open();
        byte[][] tids = new byte[count][];
        DatagramChannel[] channels = new DatagramChannel[count];
        String[] nonces = new String[count];
        String[] realms = new String[count];
        long[] sentAt = new long[count];
        byte[][] lastRequest = new byte[count][];
        int started = 0;
        int done = 0;
        int retransmits = 0;
        int failed = 0;
        ByteBuffer in = ByteBuffer.allocate(65536);
        long t0 = System.nanoTime();
        while (done < count) {
            while (started < count && started - done < concurrency) {
                DatagramChannel ch = DatagramChannel.open();
                ch.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                ch.configureBlocking(false);
                ch.register(selector, SelectionKey.OP_READ, started);
                channels[started] = ch;
                StunMessage m = StunMessage.request(StunMethod.ALLOCATE).add(new RequestedTransportAttribute(17))
                        .fingerprint(true).build();
                tids[started] = m.transactionId();
                lastRequest[started] = StunEncoder.encodeToBytes(m);
                ch.send(ByteBuffer.wrap(lastRequest[started]), server);
                sentAt[started] = System.nanoTime();
                started++;
            }
            selector.select(50);
            for (SelectionKey k : selector.selectedKeys()) {
                int i = (Integer) k.attachment();
                DatagramChannel ch = (DatagramChannel) k.channel();
                in.clear();
                while (ch.receive(in) != null) {
                    in.flip();
                    StunMessage r = StunDecoder.decodeMessage(Unpooled.wrappedBuffer(in));
                    in.clear();
                    if (!java.util.Arrays.equals(r.transactionId(), tids[i])) {
                        continue;
                    }
                    int code = r.errorCode();
                    if ((code == StunErrorCode.UNAUTHENTICATED || code == StunErrorCode.STALE_NONCE)
                            && r.get(NonceAttribute.class) != null && nonces[i] == null) {
                        realms[i] = r.get(RealmAttribute.class).value();
                        nonces[i] = r.get(NonceAttribute.class).value();
                        StunMessage m = StunMessage.request(StunMethod.ALLOCATE)
                                .add(new RequestedTransportAttribute(17)).add(new UsernameAttribute(user))
                                .add(new RealmAttribute(realms[i])).add(new NonceAttribute(nonces[i]))
                                .integrity(LongTermCredentials.key(PasswordAlgorithm.MD5, user, realms[i], password),
                                        StunMessage.Integrity.SHA1).fingerprint(true).build();
                        tids[i] = m.transactionId();
                        lastRequest[i] = StunEncoder.encodeToBytes(m);
                        ch.send(ByteBuffer.wrap(lastRequest[i]), server);
                        sentAt[i] = System.nanoTime();
                    } else {
                        if (code != 0) {
                            failed++;
                        }
                        done++;
                        tids[i] = new byte[12];
                        k.cancel();
                    }
                }
            }
            selector.selectedKeys().clear();
            long now = System.nanoTime();
            for (int i = done; i < started; i++) {
                if (channels[i] != null && channels[i].keyFor(selector) != null
                        && channels[i].keyFor(selector).isValid() && now - sentAt[i] > 1_000_000_000L) {
                    channels[i].send(ByteBuffer.wrap(lastRequest[i]), server);
                    sentAt[i] = now;
                    retransmits++;
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("ALLOCS count=%d failed=%d retransmits=%d seconds=%.3f rate=%.0f/s%n", count, failed,
                retransmits, seconds, count / seconds);
        selector.close();
        // delete them (authenticated Refresh 0 on each 5-tuple), not timed
        for (int i = 0; i < count; i++) {
            DatagramChannel ch = channels[i];
            if (nonces[i] != null) {
                StunMessage m = StunMessage.request(StunMethod.REFRESH).add(new LifetimeAttribute(0))
                        .add(new UsernameAttribute(user)).add(new RealmAttribute(realms[i]))
                        .add(new NonceAttribute(nonces[i]))
                        .integrity(LongTermCredentials.key(PasswordAlgorithm.MD5, user, realms[i], password),
                                StunMessage.Integrity.SHA1).fingerprint(true).build();
                ch.send(ByteBuffer.wrap(StunEncoder.encodeToBytes(m)), server);
            }
            if (i % 200 == 199) {
                Thread.sleep(20);
            }
        }
        Thread.sleep(300);
        for (DatagramChannel ch : channels) {
            ch.close();
        }
    }

    // ------------------------------------------------------------------ hold

    void hold(int count, double seconds) throws Exception {
        List<Client> clients = new ArrayList<>();
        Client peer = new Client();
        peer.allocate();
        for (int i = 0; i < count; i++) {
            Client c = new Client();
            c.allocate();
            c.authenticated(StunMethod.CHANNEL_BIND, new ChannelNumberAttribute(0x4000),
                    new XorPeerAddressAttribute(peer.relay));
            clients.add(c);
        }
        System.out.println("HOLDING " + count);
        System.out.flush();
        Thread.sleep((long) (seconds * 1000));
        for (Client c : clients) {
            delete(c);
        }
        delete(peer);
        System.out.println("RELEASED " + count);
    }
}
