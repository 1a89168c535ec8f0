package org.edgeway.services.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.edgeway.engine.calls.CallStatus;
import org.edgeway.engine.calls.IcePassthroughCallType;
import org.edgeway.services.validation.InvalidSettingsException;
import org.junit.jupiter.api.Test;

class CallHistoryFilterTest {

    @Test
    void readsEveryFilterInBothTimeFormsAndAnyCase() {
        CallHistoryFilter f = CallHistoryFilter.parse(Map.of("from", "2026-12-01T10:00:00Z", "to", "2026-12-02 09:30",
                "alias", " Alice ", "iceCallType", "SRFLX_to_relay", "status", "failed"));
        assertEquals(Instant.parse("2026-12-01T10:00:00Z"), f.from());
        assertEquals(Instant.parse("2026-12-02T09:30:00Z"), f.to());
        assertEquals("Alice", f.alias());
        assertEquals("alice", f.aliasLowerCase());
        assertEquals(IcePassthroughCallType.SRFLX_TO_RELAY, f.iceCallType());
        assertEquals(CallStatus.FAILED, f.status());
    }

    @Test
    void blankMeansAny() {
        Map<String, String> blank = new HashMap<>();
        blank.put("from", " ");
        blank.put("alias", "");
        blank.put("status", null);
        assertEquals(CallHistoryFilter.ALL, CallHistoryFilter.parse(blank));
        assertNull(CallHistoryFilter.ALL.aliasLowerCase());
    }

    @Test
    void everyBadValueIsNamedByItsField() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> CallHistoryFilter.parse(
                Map.of("from", "yesterday", "to", "2026-13-01 00:00", "alias", "x".repeat(1025),
                        "iceCallType", "host_to_srvrflx", "status", "busy")));
        assertEquals(Set.of("from", "to", "alias", "iceCallType", "status"), e.fieldErrors().keySet());
        assertEquals("must be one of none, host_to_host, host_to_srflx, host_to_relay, srflx_to_srflx, srflx_to_relay,"
                + " relay_to_relay", e.fieldErrors().get("iceCallType"));
    }

    @Test
    void anEmptyTimeRangeIsRefused() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> CallHistoryFilter.parse(
                Map.of("from", "2026-12-01 10:00", "to", "2026-12-01T10:00:00Z")));
        assertEquals(Map.of("to", "must be after from"), e.fieldErrors());
    }

    @Test
    void sortIsAColumnAndADirection() {
        assertEquals(CallHistorySort.NEWEST_FIRST, CallHistorySort.parse(null));
        assertEquals(new CallHistorySort(CallHistorySort.Field.SOURCE_ALIAS, true), CallHistorySort.parse("sourceAlias"));
        assertEquals(new CallHistorySort(CallHistorySort.Field.DURATION, false),
                CallHistorySort.parse("durationSeconds,DESC"));
        for (String bad : new String[] {"start", "startTime,up", "startTime,asc,desc", ","}) {
            InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> CallHistorySort.parse(bad));
            assertEquals(Set.of("sort"), e.fieldErrors().keySet(), bad);
        }
    }
}
