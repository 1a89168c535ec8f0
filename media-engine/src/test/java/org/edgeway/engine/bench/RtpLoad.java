package org.edgeway.engine.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * An RTP relay load generator: concurrent calls carrying 20 ms audio both ways (RTP, PCMU, 172 bytes, 50 packets/s
 * per direction) through a relay, stepping up the number of calls. The relay is set up as its users set it up:
 * <ul>
 * <li>{@code sip}: a call through a SIP node or the C/E pair (INVITE with the offer, 200 with the answer, ACK,
 * later BYE, over UDP; this tool is both the caller and the callee behind the last node), see {@link SipCalls};</li>
 * <li>{@code ng}: rtpengine's control protocol (offer and answer through each rtpengine of a chain, as a SIP proxy
 * driving it does), see {@link NgCalls}.</li>
 * </ul>
 * Prints per step: calls, packets sent and received end to end, loss, one-way delay percentiles and, with
 * {@code --server-pids}, the servers' CPU time (user and kernel) per packet relayed end to end.
 *
 * <pre>
 * RtpLoad sip --proxy 127.0.0.1:5060 --callee carol@example.com --uas 16002 COMMON
 * RtpLoad ng --ng 127.0.0.1:2223[,127.0.0.1:2224] COMMON
 *   COMMON: --calls 150,300,600 --seconds 10 --warmup 3 --ports 10000 [--server-pids 12,34]
 *           [--stop-after-loss 1] [--max-loss 0]
 * </pre>
 * --ports is the first of the 2 x calls endpoint ports (caller i at ports + 2i, callee at ports + 2i + 1).
 */
public final class RtpLoad {

    static final int PACKET = 172;
    static final long PERIOD_NANOS = 20_000_000L;

    /** Sets up and tears down calls between endpoint ports; returns what each endpoint must send to. */
    interface Calls extends AutoCloseable {

        /** Sets up one call; [0] is where the caller sends, [1] where the callee sends. */
        InetSocketAddress[] setUp(int call, int callerPort, int calleePort) throws IOException;

        void tearDown(int call) throws IOException;

        @Override
        void close() throws IOException;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: RtpLoad sip|ng OPTIONS (see the class comment)");
        }
        Options o = new Options(Arrays.copyOfRange(args, 1, args.length));
        int[] steps = Arrays.stream(o.get("calls", "150,300,600").split(",")).mapToInt(s -> Integer.parseInt(s.trim()))
                .toArray();
        int ports = Integer.parseInt(o.get("ports", "10000"));
        long[] pids = o.get("server-pids", "").isEmpty() ? new long[0]
                : Arrays.stream(o.get("server-pids", "").split(",")).mapToLong(Long::parseLong).toArray();
        try (Calls calls = switch (args[0]) {
            case "sip" -> new SipCalls(address(o.get("proxy", null)), o.get("callee", "carol@example.com"),
                    Integer.parseInt(o.get("uas", null)), ports - 1);
            case "ng" -> new NgCalls(Arrays.stream(o.get("ng", null).split(",")).map(RtpLoad::address).toList());
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }) {
            new RtpLoad(calls, ports, pids).sweep(steps, Double.parseDouble(o.get("seconds", "10")),
                    Double.parseDouble(o.get("warmup", "3")), Double.parseDouble(o.get("max-loss", "0")),
                    Integer.parseInt(o.get("stop-after-loss", "1")));
        }
    }

    private final Calls calls;
    private final int ports;
    private final long[] serverPids;

    private RtpLoad(Calls calls, int ports, long[] serverPids) {
        this.calls = calls;
        this.ports = ports;
        this.serverPids = serverPids;
    }

    private void sweep(int[] steps, double seconds, double warmup, double maxLoss, int stopAfterLoss)
            throws Exception {
        int best = 0;
        int lossy = 0;
        for (int n : steps) {
            Step s = step(n, seconds, warmup);
            System.out.println(s.line());
            if (s.loss() <= maxLoss && s.setUp() == n && s.paced()) {
                best = lossy == 0 ? n : best;
            } else if (++lossy >= stopAfterLoss) {
                break;
            }
        }
        System.out.println("BEST calls=" + best);
    }

    record Step(int calls, int setUp, long sent, long offered, long received, double seconds, long[] ticks,
            long windowReceived, long[] delayMicros) {

        /** Whether the generator kept the 20 ms pace (sharing the cores, it falls behind before the relay drops). */
        boolean paced() {
            return sent >= offered * 0.98;
        }

        double loss() {
            return sent == 0 ? 100 : Math.max(0, 100.0 * (sent - received) / sent);
        }

        String line() {
            String cpu = ticks == null || windowReceived == 0 ? ""
                    : String.format(" cpu_us_per_pkt=%.2f sys_us_per_pkt=%.2f",
                            (ticks[0] + ticks[1]) * ProcessTicks.MICROS_PER_TICK / windowReceived,
                            ticks[1] * ProcessTicks.MICROS_PER_TICK / windowReceived);
            return String.format("STEP calls=%d set_up=%d offered=%d sent=%d received=%d loss=%.3f%% paced=%s"
                    + " pps=%.0f delay_p50_us=%d delay_p99_us=%d delay_max_us=%d%s", calls, setUp, offered, sent,
                    received, loss(), paced(), windowReceived / seconds, delayMicros[0], delayMicros[1],
                    delayMicros[2], cpu);
        }
    }

    private Step step(int n, double seconds, double warmup) throws Exception {
        List<Endpoint> endpoints = new ArrayList<>();
        Selector selector = Selector.open();
        int setUp = 0;
        try {
            for (int i = 0; i < n; i++) {
                int callerPort = ports + 2 * i;
                int calleePort = callerPort + 1;
                Endpoint caller = Endpoint.open(callerPort, selector);
                Endpoint callee = Endpoint.open(calleePort, selector);
                endpoints.add(caller);
                endpoints.add(callee);
                InetSocketAddress[] to = calls.setUp(i, callerPort, calleePort);
                caller.connect(to[0]);
                callee.connect(to[1]);
                setUp++;
            }
        } catch (IOException e) {
            System.out.println("# step " + n + ": call " + (setUp + 1) + " not set up: " + e.getMessage());
        }
        Receiver receiver = new Receiver(selector);
        Thread rx = new Thread(receiver, "rtp-receiver");
        rx.start();
        Sender sender = new Sender(endpoints.stream().filter(e -> e.remote != null).toList());
        long start = System.nanoTime();
        long warm = start + (long) (warmup * 1e9);
        long end = warm + (long) (seconds * 1e9);
        sender.runUntil(warm);
        long[] t0 = serverPids.length == 0 ? null : ProcessTicks.userSystem(serverPids);
        long r0 = receiver.received();
        long w0 = System.nanoTime();
        sender.runUntil(end);
        long[] t1 = serverPids.length == 0 ? null : ProcessTicks.userSystem(serverPids);
        long r1 = receiver.received();
        double window = (System.nanoTime() - w0) / 1e9;
        long drainUntil = System.nanoTime() + 1_000_000_000L;
        long last = -1;
        while (System.nanoTime() < drainUntil && receiver.received() != last) {
            last = receiver.received();
            Thread.sleep(200);
        }
        receiver.stop();
        selector.wakeup();
        rx.join(5_000);
        long[] ticks = t0 == null || t1 == null ? null : new long[] {t1[0] - t0[0], t1[1] - t0[1]};
        long offered = Math.round(2L * setUp * (warmup + seconds) * 1e9 / PERIOD_NANOS);
        Step step = new Step(n, setUp, sender.sent, offered, receiver.received(), window, ticks, r1 - r0,
                receiver.delayPercentiles());
        for (int i = 0; i < setUp; i++) {
            try {
                calls.tearDown(i);
            } catch (IOException e) {
                System.out.println("# call " + i + " not torn down: " + e.getMessage());
            }
        }
        for (Endpoint e : endpoints) {
            e.channel.close();
        }
        selector.close();
        return step;
    }

    /** One side of a call: its socket and where the relay expects its packets. */
    static final class Endpoint {
        final DatagramChannel channel;
        final int ssrc;
        InetSocketAddress remote;
        int seq;
        long nextSend;

        private Endpoint(DatagramChannel channel, int ssrc) {
            this.channel = channel;
            this.ssrc = ssrc;
        }

        /** Sends to, and only takes packets from, where the relay expects this side (symmetric RTP). */
        void connect(InetSocketAddress to) throws IOException {
            remote = to;
            channel.connect(to);
        }

        static Endpoint open(int port, Selector selector) throws IOException {
            DatagramChannel ch = DatagramChannel.open();
            ch.bind(new InetSocketAddress("127.0.0.1", port));
            ch.configureBlocking(false);
            ch.register(selector, SelectionKey.OP_READ);
            return new Endpoint(ch, 0x10000 + port);
        }
    }

    /**
     * Every endpoint sends one packet per 20 ms, the endpoints' phases spread evenly over the period (as
     * independent phones would be); one thread walks them in phase order.
     */
    static final class Sender {
        private final List<Endpoint> endpoints;
        private final ByteBuffer packet = ByteBuffer.allocateDirect(PACKET);
        long sent;
        private int next;

        Sender(List<Endpoint> endpoints) {
            this.endpoints = endpoints;
            long now = System.nanoTime();
            for (int i = 0; i < endpoints.size(); i++) {
                endpoints.get(i).nextSend = now + PERIOD_NANOS * i / Math.max(1, endpoints.size());
            }
        }

        void runUntil(long deadline) throws IOException {
            if (endpoints.isEmpty()) {
                LockSupport.parkNanos(deadline - System.nanoTime());
                return;
            }
            while (true) {
                long now = System.nanoTime();
                if (now >= deadline) {
                    return;
                }
                Endpoint e = endpoints.get(next);
                if (e.nextSend > now) {
                    LockSupport.parkNanos(Math.min(e.nextSend, deadline) - now);
                    continue;
                }
                packet.clear();
                packet.put(0, (byte) 0x80).put(1, (byte) 0) // V=2, PT 0 (PCMU)
                        .putShort(2, (short) e.seq).putInt(4, e.seq * 160).putInt(8, e.ssrc)
                        .putLong(12, now); // send time, for the one-way delay
                e.seq++;
                e.channel.write(packet);
                sent++;
                e.nextSend += PERIOD_NANOS;
                next = next + 1 == endpoints.size() ? 0 : next + 1;
            }
        }
    }

    /** Reads every endpoint's socket; counts RTP packets and their one-way delay (0.1 ms buckets up to 1 s). */
    static final class Receiver implements Runnable {
        private final Selector selector;
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(2048);
        private final AtomicLongArray delays = new AtomicLongArray(10_001);
        private volatile long received;
        private volatile boolean stopped;

        Receiver(Selector selector) {
            this.selector = selector;
        }

        long received() {
            return received;
        }

        void stop() {
            stopped = true;
        }

        @Override
        public void run() {
            try {
                while (!stopped) {
                    selector.select(100);
                    var keys = selector.selectedKeys();
                    for (SelectionKey k : keys) {
                        DatagramChannel ch = (DatagramChannel) k.channel();
                        while (true) {
                            buffer.clear();
                            if (ch.receive(buffer) == null) {
                                break;
                            }
                            if (buffer.position() == PACKET && (buffer.get(0) & 0xC0) == 0x80) {
                                long delay = (System.nanoTime() - buffer.getLong(12)) / 100_000;
                                delays.incrementAndGet((int) Math.min(Math.max(delay, 0), 10_000));
                                received++;
                            }
                        }
                    }
                    keys.clear();
                }
            } catch (IOException e) {
                System.out.println("# receiver stopped: " + e.getMessage());
            }
        }

        /** p50, p99 and max in microseconds (0.1 ms resolution). */
        long[] delayPercentiles() {
            long total = 0;
            for (int i = 0; i < delays.length(); i++) {
                total += delays.get(i);
            }
            long[] out = new long[3];
            long seen = 0;
            for (int i = 0; i < delays.length(); i++) {
                long c = delays.get(i);
                if (c == 0) {
                    continue;
                }
                seen += c;
                if (out[0] == 0 && seen >= total * 0.5) {
                    out[0] = i * 100L;
                }
                if (out[1] == 0 && seen >= total * 0.99) {
                    out[1] = i * 100L;
                }
                out[2] = i * 100L;
            }
            return out;
        }
    }

    static InetSocketAddress address(String hostPort) {
        if (hostPort == null) {
            throw new IllegalArgumentException("missing an address option");
        }
        int c = hostPort.lastIndexOf(':');
        return new InetSocketAddress(hostPort.substring(0, c), Integer.parseInt(hostPort.substring(c + 1)));
    }

    /** --name value pairs. */
    static final class Options {
        private final String[] args;

        Options(String[] args) {
            this.args = args;
        }

        String get(String name, String otherwise) {
            for (int i = 0; i + 1 < args.length; i++) {
                if (args[i].equals("--" + name)) {
                    return args[i + 1];
                }
            }
            if (otherwise == null) {
                throw new IllegalArgumentException("missing --" + name);
            }
            return otherwise;
        }
    }
}
