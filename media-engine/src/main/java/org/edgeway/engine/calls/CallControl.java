package org.edgeway.engine.calls;

import java.util.List;

/**
 * The live calls of a node, for Status > Calls > Calls: implemented by the engine service that carries calls and
 * reached through {@code Engine.service(CallControl.class)}.
 */
public interface CallControl {

    /** Calls now active, each with its current counters. */
    List<CallRecord> activeCalls();

    /**
     * Ends an active call (BYE to both sides), reason "Disconnected by administrator".
     *
     * @return false when no active call has this serial number
     */
    boolean disconnect(String serialNumber);
}
