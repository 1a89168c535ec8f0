package org.edgeway.engine.calls;

import java.time.Instant;
import org.edgeway.engine.EngineEvent;

/** What the engine reports about calls. A call produces exactly one {@link CallStarted} and one {@link CallEnded}. */
public interface CallEvent extends EngineEvent {

    CallRecord call();

    /** A call was set up through this node (first INVITE accepted for routing). */
    record CallStarted(Instant at, CallRecord call) implements CallEvent {
    }

    /** A call ended; {@code call} is the final record (end time, status, reason, final media counters). */
    record CallEnded(Instant at, CallRecord call) implements CallEvent {
    }
}
