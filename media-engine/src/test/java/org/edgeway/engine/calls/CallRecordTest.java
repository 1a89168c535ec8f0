package org.edgeway.engine.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** B-ICEP-10: an ICE call stops counting on the node's links once its media left. */
class CallRecordTest {

    private static CallRecord active(IcePassthroughCallType type) {
        return new CallRecord("s", "t", Instant.EPOCH, null, "a", "b", "SIP", CallStatus.ACTIVE, "", 128, type,
                IceCandidatesOffered.BOTH, true, List.of());
    }

    @Test
    void onlyActiveCallsWithTheirMediaHereTakeLinkBandwidth() {
        assertEquals(128, active(IcePassthroughCallType.NONE).linkBandwidthKbps());
        assertEquals(0, active(IcePassthroughCallType.SRFLX_TO_RELAY).linkBandwidthKbps());
        CallRecord ended = active(IcePassthroughCallType.NONE).ended(Instant.EPOCH.plusSeconds(9),
                CallStatus.COMPLETED, "BYE from caller", List.of());
        assertEquals(0, ended.linkBandwidthKbps());
        assertEquals(128, ended.bandwidthKbps(), "the record keeps what the call was allowed");
    }

    @Test
    void whoOfferedCandidates() {
        assertEquals(IceCandidatesOffered.BOTH, IceCandidatesOffered.of(true, true));
        assertEquals(IceCandidatesOffered.ONE_ENDPOINT, IceCandidatesOffered.of(true, false));
        assertEquals(IceCandidatesOffered.ONE_ENDPOINT, IceCandidatesOffered.of(false, true));
        assertEquals(IceCandidatesOffered.NONE, IceCandidatesOffered.of(false, false));
    }
}
