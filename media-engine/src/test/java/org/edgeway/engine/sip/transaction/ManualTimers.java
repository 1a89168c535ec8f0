package org.edgeway.engine.sip.transaction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Timers on a clock the test advances: due tasks run in time order inside {@link #advance}. */
final class ManualTimers implements Timers {

    private static final class Task implements Timer {
        final long due;
        final Runnable run;
        boolean cancelled;

        Task(long due, Runnable run) {
            this.due = due;
            this.run = run;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private final List<Task> tasks = new ArrayList<>();
    private long now;

    @Override
    public synchronized Timer schedule(long delayMillis, Runnable task) {
        Task t = new Task(now + delayMillis, task);
        tasks.add(t);
        return t;
    }

    long now() {
        return now;
    }

    /** Moves the clock forward, running every task that falls due on the way. */
    void advance(long millis) {
        long until = now + millis;
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream().filter(t -> !t.cancelled && t.due <= until)
                        .min(Comparator.comparingLong(t -> t.due)).orElse(null);
                if (next == null) {
                    now = until;
                    return;
                }
                tasks.remove(next);
                now = next.due;
            }
            next.run.run();
        }
    }
}
