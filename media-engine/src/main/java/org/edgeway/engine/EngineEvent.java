package org.edgeway.engine;

import java.time.Instant;

/**
 * Something the engine reports for the EJB side to persist or act on (state changes and alarms here; each
 * service's own events, such as TURN allocations, in its package). Delivered on an engine thread: listeners must not block.
 */
public interface EngineEvent {

    Instant at();

    /** The engine or one service changed state. */
    record StateChanged(Instant at, String service, EngineState state, String detail) implements EngineEvent {
    }

    /** A condition an administrator must see on Status > Alarms. {@code id} is stable per condition. */
    record AlarmRaised(Instant at, String id, String severity, String title, String action) implements EngineEvent {
    }

    /**
     * Credentials a client presented were wrong (a TURN request with integrity that failed, a SIP digest answered
     * 403): one failure for automated protection. A request without credentials, challenged as usual, is none.
     *
     * @param protocol "TURN" or "SIP"
     * @param address  the source address, as a literal
     */
    record AuthenticationFailed(Instant at, String protocol, String address) implements EngineEvent {
    }

    /** The condition behind an earlier alarm has gone. */
    record AlarmCleared(Instant at, String id) implements EngineEvent {
    }
}
