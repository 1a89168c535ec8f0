package org.edgeway.engine.sip;

import io.netty.channel.EventLoopGroup;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.edgeway.engine.sip.transaction.Timers;

/** Transaction timers on the engine's event loops. */
final class EventLoopTimers implements Timers {

    private final EventLoopGroup loops;

    EventLoopTimers(EventLoopGroup loops) {
        this.loops = loops;
    }

    @Override
    public Timer schedule(long delayMillis, Runnable task) {
        ScheduledFuture<?> f = loops.next().schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }
}
