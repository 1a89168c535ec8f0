package org.edgeway.services.bandwidth;

import java.util.LinkedHashSet;
import java.util.Set;
import org.edgeway.engine.calls.CallComponent;
import org.edgeway.engine.calls.CallRecord;
import org.edgeway.engine.calls.IcePassthroughCallType;
import org.edgeway.engine.calls.MediaChannel;

/**
 * What a call counts on the links: the zones its relayed legs face and the bytes the node has relayed for it.
 * The first leg faces the zone it came from, every later leg the zone it went to. A call whose ICE passthrough moved
 * the media off the node (any call type but none, B-ICEP-10) counts on no link; TURN relays are no calls, so they
 * never count (B-TURN-25).
 */
final class CallLinks {

    private CallLinks() {
    }

    /** The zones of the call's legs that carry relayed media; empty for an ICE-optimised call. */
    static Set<String> zones(CallRecord call) {
        Set<String> zones = new LinkedHashSet<>();
        if (call.iceCallType() != IcePassthroughCallType.NONE) {
            return zones;
        }
        for (int i = 0; i < call.components().size(); i++) {
            CallComponent c = call.components().get(i);
            String zone = i == 0 ? c.sourceZone() : c.destinationZone();
            if (!c.media().isEmpty() && zone != null && !zone.isBlank()) {
                zones.add(zone);
            }
        }
        return zones;
    }

    /** Every byte the node received for the call; each was relayed on, so it crossed the call's links once each way. */
    static long bytes(CallRecord call) {
        long sum = 0;
        for (CallComponent c : call.components()) {
            for (MediaChannel m : c.media()) {
                sum += m.bytes();
            }
        }
        return sum;
    }
}
