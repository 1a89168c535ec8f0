package org.edgeway.engine.sip.traversal;

import java.time.Instant;
import org.edgeway.engine.sip.SipSnapshot.ZoneStatus;
import org.edgeway.engine.zones.ZoneConfig;

/** The state of one traversal zone as Status &gt; Zones shows it: Checking, Active or Failed with the reason. */
record ZoneState(String state, String reason, String peer, Instant since) {

    static ZoneState checking(String peer, String reason) {
        return new ZoneState("Checking", reason, peer, Instant.now());
    }

    static ZoneState active(String peer) {
        return new ZoneState("Active", null, peer, Instant.now());
    }

    static ZoneState failed(String peer, String reason) {
        return new ZoneState("Failed", reason, peer, Instant.now());
    }

    ZoneStatus view(ZoneConfig zone) {
        return new ZoneStatus(zone.id(), zone.name(), zone.type().name(), state, reason, peer, since);
    }
}
