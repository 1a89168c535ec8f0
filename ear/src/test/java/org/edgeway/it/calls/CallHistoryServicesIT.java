package org.edgeway.it.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.context.control.RequestContextController;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.edgeway.engine.calls.CallComponent;
import org.edgeway.engine.calls.CallRecord;
import org.edgeway.engine.calls.CallStatus;
import org.edgeway.engine.calls.IceCandidatesOffered;
import org.edgeway.engine.calls.IcePassthroughCallType;
import org.edgeway.engine.calls.MediaChannel;
import org.edgeway.engine.calls.MediaEncryption;
import org.edgeway.it.ServicesDeployment;
import org.edgeway.services.calls.ActiveCalls;
import org.edgeway.services.calls.CallDetail;
import org.edgeway.services.calls.CallHistory;
import org.edgeway.services.calls.CallHistoryFilter;
import org.edgeway.services.calls.CallHistoryPage;
import org.edgeway.services.calls.CallHistorySort;
import org.edgeway.services.calls.CallLeg;
import org.edgeway.services.calls.CallRow;
import org.edgeway.services.calls.IceIntervalCounts;
import org.edgeway.services.calls.IcePassthroughMetrics;
import org.edgeway.services.configlog.ConfigurationLog;
import org.edgeway.services.security.AccessDeniedException;
import org.edgeway.services.security.AccessLevel;
import org.edgeway.services.security.Caller;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The call history inside the provisioned WildFly with the real EAR and H2 file: records built as the engine builds
 * them go in through {@link CallHistory#record} (what EngineLifecycle calls on CallEnded), every status and ICE
 * passthrough call type; paging, sort and filter come back from the database; the active list and Disconnect
 * without a call-carrying engine; the ICE metrics of the interval the records fall in.
 */
@ExtendWith(ArquillianExtension.class)
class CallHistoryServicesIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return ServicesDeployment.of("calls-it", CallHistoryServicesIT.class);
    }

    @Inject
    Caller caller;
    @Inject
    CallHistory history;
    @Inject
    ActiveCalls active;
    @Inject
    IcePassthroughMetrics metrics;
    @Inject
    ConfigurationLog log;
    @Inject
    RequestContextController requestContext;

    @BeforeEach
    void beginRequest() {
        requestContext.activate();
    }

    @AfterEach
    void endRequest() {
        requestContext.deactivate();
    }

    /**
     * One call per (status, ICE type) pair, a minute apart, with an alias unique to this test. An optimised call had
     * candidates from both endpoints and the ICE configuration; a "none" call had the caller's candidates only and no
     * ICE configuration (passthrough Off, the callee never saw them).
     */
    private static List<CallRecord> everyKindOfCall(String marker, Instant newest) {
        List<CallRecord> calls = new ArrayList<>();
        for (CallStatus status : CallStatus.values()) {
            for (IcePassthroughCallType type : IcePassthroughCallType.values()) {
                Instant start = newest.minus(Duration.ofMinutes(calls.size()));
                Instant end = status == CallStatus.ACTIVE ? null : start.plusSeconds(20 + calls.size());
                calls.add(new CallRecord(UUID.randomUUID().toString(), UUID.randomUUID().toString(), start, end,
                        "sip:" + marker + "-" + calls.size() + "@example.com", "sip:desk-" + marker + "@" + type.label() + ".example.com",
                        "SIP", status, status == CallStatus.FAILED ? "404 Not Found" : "BYE from callee", 64 * calls.size(),
                        type, type.optimised() ? IceCandidatesOffered.BOTH : IceCandidatesOffered.ONE_ENDPOINT,
                        type.optimised(), List.of(
                                new CallComponent(CallComponent.Type.SIP, "TLS:198.51.100.9:5061", "TLS:127.0.0.1:5061",
                                        "CollaborationEdgeZone", "LocalZone", MediaEncryption.SRTP,
                                        List.of(new MediaChannel("audio RTP", "198.51.100.9:4000", "127.0.0.1:36000",
                                                1000 + calls.size(), 160_000, 3, 2.5))),
                                new CallComponent(CallComponent.Type.B2BUA, "TLS:127.0.0.1:5061", "TCP:127.0.0.1:5060",
                                        "LocalZone", "LocalZone", MediaEncryption.SRTP, List.of()),
                                new CallComponent(CallComponent.Type.SIP, "TCP:127.0.0.1:5060", "TCP:192.0.2.4:5060",
                                        "LocalZone", "CEtcp-cucm", null, List.of()))));
            }
        }
        return calls;
    }

    @Test
    void endedCallsAreStoredOnceAndPagedSortedAndFilteredByTheDatabase() {
        String marker = "arq" + System.nanoTime();
        List<CallRecord> calls = everyKindOfCall(marker, Instant.now().minusSeconds(5));
        calls.forEach(history::record);
        history.record(calls.get(0)); // reported twice: kept once

        CallHistoryFilter mine = new CallHistoryFilter(null, null, marker.toUpperCase(), null, null);
        CallHistoryPage all = history.page(mine, CallHistorySort.NEWEST_FIRST, 0, 100);
        assertEquals(calls.size(), all.total());
        assertTrue(all.totalExact());
        assertEquals(calls.stream().map(CallRecord::serialNumber).toList(),
                all.rows().stream().map(CallRow::serialNumber).toList(), "newest first");

        // an alias search (no index) counts ten pages past the one asked for, and says the total is a lower bound
        CallHistoryPage counted = history.page(mine, CallHistorySort.NEWEST_FIRST, 0, 1);
        assertEquals(11, counted.total());
        assertFalse(counted.totalExact());
        assertEquals(calls.get(0).serialNumber(), counted.rows().get(0).serialNumber());

        CallHistoryPage second = history.page(mine, new CallHistorySort(CallHistorySort.Field.START_TIME, true), 5, 5);
        assertEquals(calls.size(), second.total());
        List<CallRecord> oldestFirst = calls.stream().sorted(Comparator.comparing(CallRecord::start)).toList();
        assertEquals(oldestFirst.subList(5, 10).stream().map(CallRecord::serialNumber).toList(),
                second.rows().stream().map(CallRow::serialNumber).toList());

        CallHistoryPage byBandwidth = history.page(mine, new CallHistorySort(CallHistorySort.Field.BANDWIDTH, false), 0,
                3);
        assertEquals(List.of(64L * (calls.size() - 1), 64L * (calls.size() - 2), 64L * (calls.size() - 3)),
                byBandwidth.rows().stream().map(CallRow::bandwidthKbps).toList());

        for (CallStatus status : CallStatus.values()) {
            CallHistoryPage p = history.page(new CallHistoryFilter(null, null, marker, null, status),
                    CallHistorySort.NEWEST_FIRST, 0, 100);
            assertEquals(IcePassthroughCallType.values().length, p.total(), status.label());
            assertTrue(p.rows().stream().allMatch(r -> r.status().equals(status.label())), status.label());
        }
        for (IcePassthroughCallType type : IcePassthroughCallType.values()) {
            CallHistoryPage p = history.page(new CallHistoryFilter(null, null, marker, type, CallStatus.COMPLETED),
                    CallHistorySort.NEWEST_FIRST, 0, 100);
            assertEquals(1, p.total(), type.label());
            assertEquals(type.label(), p.rows().get(0).iceCallType());
        }
        CallRecord third = calls.get(2);
        Instant thirdStored = third.start().truncatedTo(ChronoUnit.MICROS); // the database keeps microseconds
        CallHistoryPage window = history.page(new CallHistoryFilter(thirdStored, thirdStored.plusSeconds(1),
                marker, null, null), CallHistorySort.NEWEST_FIRST, 0, 100);
        assertEquals(List.of(third.serialNumber()), window.rows().stream().map(CallRow::serialNumber).toList());
        // the destination alias matches too (the source is marker-N@example.com)
        assertEquals(CallStatus.values().length, history.count(new CallHistoryFilter(null, null,
                marker + "@relay_to_relay.", null, null)));
        // "%" is text, not a wildcard
        assertEquals(0, history.count(new CallHistoryFilter(null, null, marker + "%", null, null)));

        List<String> exported = new ArrayList<>();
        history.export(mine, CallHistorySort.NEWEST_FIRST, r -> exported.add(r.serialNumber()));
        assertEquals(all.rows().stream().map(CallRow::serialNumber).toList(), exported);
    }

    @Test
    void theDetailRecordHasEveryFieldAndTheComponentsInOrder() {
        CallRecord call = everyKindOfCall("detail" + System.nanoTime(), Instant.now()).get(10);
        history.record(call);
        CallDetail d = history.detail(call.serialNumber()).orElseThrow();
        CallRow r = d.call();
        assertEquals(call.tag(), r.tag());
        assertEquals(call.start().truncatedTo(ChronoUnit.MICROS), r.start());
        assertEquals(call.end().truncatedTo(ChronoUnit.MICROS), r.end());
        assertEquals(Duration.between(call.start(), call.end()).toSeconds(), r.durationSeconds());
        assertEquals(call.sourceAlias(), r.sourceAlias());
        assertEquals(call.destinationAlias(), r.destinationAlias());
        assertEquals("Completed", r.status());
        assertEquals("BYE from callee", r.disconnectReason());
        assertEquals(call.bandwidthKbps(), r.bandwidthKbps());
        assertEquals(call.iceCallType().label(), r.iceCallType());
        assertEquals(List.of("SIP", "B2BUA", "SIP"), d.components().stream().map(CallLeg::type).toList());
        assertEquals(List.of("SRTP", "SRTP", "None"), d.components().stream().map(CallLeg::encryption).toList());
        CallLeg outside = d.components().get(0);
        assertEquals("CollaborationEdgeZone", outside.sourceZone());
        assertEquals(1, outside.media().size());
        assertEquals(1010, outside.media().get(0).packets());
        assertEquals(2.5, outside.media().get(0).jitterMillis());
        assertTrue(d.components().get(1).isB2bua());
        assertTrue(history.detail("no-such-call").isEmpty());
    }

    @Test
    void withoutLiveCallsTheListIsEmptyAndOnlyReadWriteAccountsMayDisconnect() {
        assertEquals(List.of(), active.list());
        assertThrows(AccessDeniedException.class, () -> active.disconnect("any"));
        caller.identify("auditor", AccessLevel.READ_ONLY, "web");
        AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> active.disconnect("any"));
        assertTrue(e.getMessage().contains("read-only"), e.getMessage());
        caller.identify("admin", AccessLevel.READ_WRITE, "web");
        long logged = log.count();
        assertFalse(active.disconnect("no-such-call"));
        assertEquals(logged, log.count(), "nothing disconnected, nothing logged");
    }

    @Test
    void metricsCountTheB2buaConnectedCallsOfTheLastCompletedInterval() {
        Instant restart = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        IceIntervalCounts before = metrics.history(metrics.peers().get(0)).orElseThrow().get(0);
        assertEquals(restart, before.end(), "right after a restart the last interval ends at the restart");
        // an hour before the restart: in the most recent completed interval
        calls(everyKindOfCall("metrics" + System.nanoTime(), restart.minus(Duration.ofHours(1))));
        List<IceIntervalCounts> after = metrics.history(metrics.peers().get(0)).orElseThrow();
        assertEquals(60, after.size());
        IceIntervalCounts now = after.get(0);
        // completed calls with a B2BUA leg only: one per ICE type
        assertEquals(before.b2buaCalls() + 7, now.b2buaCalls());
        assertEquals(before.optimizedCalls() + 6, now.optimizedCalls());
        assertEquals(before.hostToHost() + 1, now.hostToHost());
        assertEquals(before.relayToRelay() + 1, now.relayToRelay());
        assertEquals(before.nonOptimizedCalls() + 1, now.nonOptimizedCalls());
        assertEquals(before.requiredConfiguration() + 6, now.requiredConfiguration());
        assertEquals(before.offeredByBoth() + 6, now.offeredByBoth());
        assertEquals(before.offeredByOne() + 1, now.offeredByOne());
        assertEquals(before.withoutCandidates(), now.withoutCandidates());
        assertEquals(before.offeredWithoutConfiguration() + 1, now.offeredWithoutConfiguration());
        Map<String, String> page = new java.util.HashMap<>();
        metrics.current().rows().forEach(r -> page.put(r.label(), r.values().get(0)));
        assertEquals(Long.toString(now.b2buaCalls()), page.get("B2BUA connected calls"));
        assertEquals(Math.round(100.0 * now.optimizedCalls() / now.b2buaCalls()) + "%",
                page.get("% of calls with optimized ICE media paths"));
        assertEquals(Math.round(100.0 * now.offeredWithoutConfiguration() / now.b2buaCalls()) + "%",
                page.get("Calls with ICE candidates offered but without required Expressway ICE configuration"));
        assertEquals(Math.round(100.0 * now.offeredByOne() / now.b2buaCalls()) + "%",
                page.get("Calls with ICE candidates offered by one endpoint"));
        assertTrue(metrics.history("not-a-peer").isEmpty());
    }

    private void calls(List<CallRecord> calls) {
        calls.forEach(history::record);
    }
}
