package org.edgeway.services.calls;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The 24-hour intervals of the ICE passthrough metrics, anchored at the time of day of the last restart (seed 000:
 * "The interval start time reflects the time of day of the most recent server restart"). Only completed intervals
 * count ("Values are updated once every 24 hours"): the most recent one ends at the last anchor point, which right
 * after a restart is the restart itself.
 */
final class IceIntervals {

    static final Duration LENGTH = Duration.ofHours(24);
    /** The most intervals ICE Call Metrics History shows. */
    static final int HISTORY = 60;

    /** One interval, {@code [start, end)}. */
    record Interval(Instant start, Instant end) {
    }

    private IceIntervals() {
    }

    /** The {@code count} most recent completed intervals at {@code now}, most recent first. */
    static List<Interval> recent(Instant restart, Instant now, int count) {
        long elapsed = Math.max(0, Duration.between(restart, now).toMillis());
        Instant lastEnd = restart.plus(LENGTH.multipliedBy(elapsed / LENGTH.toMillis()));
        List<Interval> intervals = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Instant end = lastEnd.minus(LENGTH.multipliedBy(i));
            intervals.add(new Interval(end.minus(LENGTH), end));
        }
        return intervals;
    }
}
