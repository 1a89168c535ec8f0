package org.edgeway.engine.net;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token bucket per source IP address for 401 answers: {@code perSecond} tokens per second, bursts up to twice
 * that. Stops the server from being a cheap reflector of challenges. Idle buckets are purged by
 * {@link #purge(long)}.
 */
public final class RateLimiter {

    private static final class Bucket {
        double tokens;
        long updatedNanos;
    }

    private final double perSecond;
    private final double burst;
    private final ConcurrentHashMap<InetAddress, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int perSecond) {
        this.perSecond = perSecond;
        this.burst = perSecond * 2.0;
    }

    /** True if an answer may be sent now (and spends a token). */
    public boolean tryAcquire(InetAddress source, long nowNanos) {
        if (perSecond <= 0) {
            return true;
        }
        Bucket b = buckets.computeIfAbsent(source, k -> {
            Bucket n = new Bucket();
            n.tokens = burst;
            n.updatedNanos = nowNanos;
            return n;
        });
        synchronized (b) {
            b.tokens = Math.min(burst, b.tokens + (nowNanos - b.updatedNanos) * perSecond / 1e9);
            b.updatedNanos = nowNanos;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return true;
            }
            return false;
        }
    }

    /** Drops buckets idle long enough to be full again. */
    public void purge(long nowNanos) {
        if (perSecond > 0) {
            long full = (long) (burst / perSecond * 1e9);
            buckets.values().removeIf(b -> nowNanos - b.updatedNanos > full);
        }
    }
}
