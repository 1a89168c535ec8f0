package org.edgeway.engine.sip;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.edgeway.engine.sip.transaction.Timers;

/**
 * Transaction timers on the engine's event loops: on the loop that schedules when it is one of them (the usual
 * case, a message being handled), so arming and cancelling stay on that thread without a task hand-off and wake-up.
 */
final class EventLoopTimers implements Timers {

    private final EventLoopGroup loops;

    EventLoopTimers(EventLoopGroup loops) {
        this.loops = loops;
    }

    @Override
    public Timer schedule(long delayMillis, Runnable task) {
        ScheduledFuture<?> f = loop().schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }

    private EventExecutor loop() {
        for (EventExecutor e : loops) {
            if (e.inEventLoop()) {
                return e;
            }
        }
        return loops.next();
    }
}
