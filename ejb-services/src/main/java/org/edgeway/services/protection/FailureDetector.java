package org.edgeway.services.protection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts failures per category and source address in a sliding detection window. Seed 001: "If there are more
 * than 5 such requests ... blocks that IP address for ten minutes": the failure that takes the count in the window
 * past the trigger level starts a block, and the count begins again. Thread-safe; holds no configuration.
 */
final class FailureDetector {

    /** A category's thresholds. */
    record Rule(int triggerLevel, Duration window, Duration block) {
    }

    private record Key(String category, String address) {
    }

    /** Bounds memory under a spray of addresses: beyond this, the oldest-looking entries are dropped first. */
    private static final int MAX_TRACKED = 100_000;

    private final Map<Key, ArrayDeque<Instant>> failures = new HashMap<>();

    /** Records one failure; the block's end when it takes the count past the trigger level, else empty. */
    synchronized Optional<Instant> failed(String category, String address, Rule rule, Instant now) {
        if (failures.size() >= MAX_TRACKED) {
            failures.clear(); // a flood of distinct sources: forget counts rather than grow without bound
        }
        ArrayDeque<Instant> times = failures.computeIfAbsent(new Key(category, address), k -> new ArrayDeque<>());
        Instant since = now.minus(rule.window());
        while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
            times.pollFirst();
        }
        times.addLast(now);
        if (times.size() <= rule.triggerLevel()) {
            return Optional.empty();
        }
        failures.remove(new Key(category, address));
        return Optional.of(now.plus(rule.block()));
    }

    /** Failures still counted in the window for this source. */
    synchronized int count(String category, String address, Duration window, Instant now) {
        ArrayDeque<Instant> times = failures.get(new Key(category, address));
        return times == null ? 0 : (int) times.stream().filter(t -> t.isAfter(now.minus(window))).count();
    }

    /** Drops counts whose newest failure is older than {@code longestWindow}. */
    synchronized void purge(Duration longestWindow, Instant now) {
        Instant since = now.minus(longestWindow);
        failures.values().removeIf(times -> times.isEmpty() || !times.peekLast().isAfter(since));
    }

    synchronized void forget(String category, String address) {
        failures.remove(new Key(category, address));
    }
}
