package org.edgeway.engine.sip.transport;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.edgeway.engine.net.RateLimiter;
import org.edgeway.engine.net.SourceGate;

/**
 * Limits per source address on every listener: open TCP/TLS connections, and messages per second (a token bucket).
 * A source over either limit, or blocked by automated protection, has its connection refused or its messages
 * dropped, and is counted.
 */
public final class SourceLimits {

    /** Defaults for a node: generous enough for a busy registrar client, low enough to blunt a flood. */
    public static final int CONNECTIONS_PER_SOURCE = 256;
    public static final int MESSAGES_PER_SECOND = 5_000;
    /**
     * System properties overriding the per-source rates (0 = no limit): for a lab or a benchmark where every client
     * shares one address (bench/sip-vs-kamailio.sh passes them to edgeway.sh after {@code --}).
     */
    public static final String MESSAGES_PROPERTY = "edgeway.sip.messagesPerSecond";
    public static final String CHALLENGES_PROPERTY = "edgeway.sip.challengesPerSecond";

    private final int connectionsPerSource;
    private final RateLimiter messages;
    private final ConcurrentHashMap<InetAddress, AtomicInteger> connections = new ConcurrentHashMap<>();

    private final SourceGate blocked;

    public SourceLimits(int connectionsPerSource, int messagesPerSecond) {
        this(connectionsPerSource, messagesPerSecond, new SourceGate());
    }

    public SourceLimits(int connectionsPerSource, int messagesPerSecond, SourceGate blocked) {
        this.connectionsPerSource = connectionsPerSource;
        this.messages = new RateLimiter(messagesPerSecond);
        this.blocked = blocked;
    }

    /** The rate a system property sets (a whole number, 0 or more), else {@code byDefault}. */
    public static int rate(String property, int byDefault) {
        Integer configured = Integer.getInteger(property);
        return configured != null && configured >= 0 ? configured : byDefault;
    }

    boolean openConnection(InetAddress source) {
        if (blocked.refuses(source)) {
            return false;
        }
        AtomicInteger n = connections.computeIfAbsent(source, k -> new AtomicInteger());
        if (n.incrementAndGet() > connectionsPerSource) {
            n.decrementAndGet();
            return false;
        }
        return true;
    }

    void closeConnection(InetAddress source) {
        AtomicInteger n = connections.get(source);
        if (n != null && n.decrementAndGet() <= 0) {
            connections.remove(source, n);
        }
    }

    boolean acceptMessage(InetAddress source) {
        return acceptMessage(source, System.nanoTime());
    }

    /** The same at a given time (tests drive the clock). */
    boolean acceptMessage(InetAddress source, long nowNanos) {
        return !blocked.refuses(source) && messages.tryAcquire(source, nowNanos);
    }

    void purge() {
        messages.purge(System.nanoTime());
    }
}
