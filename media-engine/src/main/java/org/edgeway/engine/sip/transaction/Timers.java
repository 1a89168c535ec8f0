package org.edgeway.engine.sip.transaction;

/**
 * Schedules the transaction timers. The service runs them on the engine's event loops; tests drive a manual clock
 * so timer behaviour is checked without sleeping.
 */
public interface Timers {

    /** A scheduled task that can be cancelled. */
    interface Timer {
        void cancel();
    }

    Timer schedule(long delayMillis, Runnable task);
}
