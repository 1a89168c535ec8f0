package org.edgeway.engine.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.edgeway.engine.Await;
import org.edgeway.engine.Engine;
import org.edgeway.engine.EngineEvent;
import org.edgeway.engine.EngineState;
import org.edgeway.engine.calls.CallComponent;
import org.edgeway.engine.calls.CallControl;
import org.edgeway.engine.calls.CallEvent;
import org.edgeway.engine.calls.CallRecord;
import org.edgeway.engine.calls.CallStatus;
import org.edgeway.engine.sip.auth.DigestAlgorithm;
import org.edgeway.engine.zones.SearchRule;
import org.edgeway.engine.zones.ZoneConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Calls through the proxy between two real SIPp processes, as the engine reports them: exactly one CallStarted and
 * one CallEnded per call, the record's aliases, zones, addresses, status and disconnect reason; the live list of
 * CallControl; an administrator's disconnect BYEs both SIPp sides (each judged by its exit code).
 */
class SippCallsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final List<EngineEvent> events = new CopyOnWriteArrayList<>();
    private Engine engine;
    private Sipp sipp;
    private int port;
    private int uasPort;
    private SipConfig cfg;

    @BeforeEach
    void start() {
        Assumptions.assumeTrue(Sipp.installed(), "SIPp (sip-tester) is not installed");
        port = SipTestSupport.freePort();
        uasPort = SipTestSupport.freePort();
        cfg = SipTestSupport.config(port).withDigestAlgorithms(List.of(DigestAlgorithm.MD5))
                .withZones(List.of(SipTestSupport.neighbor(2, "UasZone", "127.0.0.1", uasPort,
                        ZoneConfig.Transport.UDP)))
                .withSearchRules(List.of(SipTestSupport.rule(1, "to-uas", 10, SearchRule.PatternType.PREFIX, "bob",
                        SearchRule.PatternBehavior.LEAVE, null, "UasZone")));
        engine = new Engine(events::add, List.of(new SipService()));
        engine.start(SipTestSupport.engineConfig(cfg));
        assertEquals(EngineState.RUNNING, engine.snapshot().service(SipService.KEY).state());
        sipp = new Sipp();
    }

    @AfterEach
    void stop() throws Exception {
        if (sipp != null) {
            sipp.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    private Sipp.Run uas(String scenario) throws Exception {
        return sipp.start("-sf", sipp.scenario(scenario).toString(), "-i", "127.0.0.1", "-p",
                String.valueOf(uasPort), "-m", "1", "-timeout", "25s", "-timeout_error");
    }

    private Sipp.Run uac(String scenario, String... replacements) throws Exception {
        return sipp.start("127.0.0.1:" + port, "-sf", sipp.scenario(scenario, replacements).toString(), "-s", "bob", "-i",
                "127.0.0.1", "-p", String.valueOf(SipTestSupport.freePort()), "-m", "1", "-timeout", "25s",
                "-timeout_error");
    }

    @Test
    void answeredCallCompletesWithOneStartAndOneEnd() throws Exception {
        Sipp.Run callee = uas("uas-held.xml");
        Sipp.Run caller = uac("call.xml");
        assertEquals(0, caller.exitCode(30), caller::output);
        assertEquals(0, callee.exitCode(30), callee::output);
        CallRecord started = only(CallEvent.CallStarted.class).call();
        CallRecord ended = waitForEnd();
        assertEquals(started.serialNumber(), ended.serialNumber());
        assertEquals(CallStatus.ACTIVE, started.status());
        assertEquals(CallStatus.COMPLETED, ended.status());
        assertEquals("BYE from caller", ended.disconnectReason());
        assertEquals("sip:caller@example.com", ended.sourceAlias());
        assertEquals("sip:bob@example.com", ended.destinationAlias());
        assertEquals("SIP", ended.protocol());
        assertNotNull(ended.end());
        assertFalse(ended.end().isBefore(ended.start()));
        CallComponent leg = ended.components().get(0);
        assertEquals(CallComponent.Type.SIP, leg.type());
        assertEquals("DefaultZone", leg.sourceZone());
        assertEquals("UasZone", leg.destinationZone());
        assertEquals("UDP:127.0.0.1:" + uasPort, leg.destinationAddress());
        assertTrue(leg.sourceAddress().startsWith("UDP:127.0.0.1:"), leg.sourceAddress());
        assertTrue(calls().activeCalls().isEmpty());
    }

    @Test
    void busyCalleeFailsTheCall() throws Exception {
        Sipp.Run callee = uas("uas-busy.xml");
        Sipp.Run caller = sipp.start("127.0.0.1:" + port, "-sf", sipp.scenario("invite-refused.xml",
                "MAX_FORWARDS", "70", "FINAL_STATUS", "486").toString(), "-s", "bob", "-i", "127.0.0.1", "-p",
                String.valueOf(SipTestSupport.freePort()), "-m", "1", "-timeout", "25s", "-timeout_error");
        assertEquals(0, caller.exitCode(30), caller::output);
        assertEquals(0, callee.exitCode(30), callee::output);
        CallRecord ended = waitForEnd();
        assertEquals(CallStatus.FAILED, ended.status());
        assertEquals("486 Busy Here", ended.disconnectReason());
        assertEquals(1, count(CallEvent.CallStarted.class));
    }

    @Test
    void administratorDisconnectsAnAnsweredCall() throws Exception {
        Sipp.Run callee = uas("uas-held.xml");
        Sipp.Run caller = uac("call-held.xml");
        SipService sip = engine.service(SipService.class);
        // BYEs only once the caller's ACK went through, so each SIPp side sees its dialog confirmed first
        Await.until(() -> sip.server().calls().calls().stream().anyMatch(c -> c.confirmed()), WAIT,
                "the call to be confirmed");
        CallRecord active = calls().activeCalls().get(0);
        assertEquals(CallStatus.ACTIVE, active.status());
        assertFalse(calls().disconnect("no-such-call"));
        assertTrue(calls().disconnect(active.serialNumber()));
        assertEquals(0, caller.exitCode(30), caller::output);
        assertEquals(0, callee.exitCode(30), callee::output);
        CallRecord ended = waitForEnd();
        assertEquals(active.serialNumber(), ended.serialNumber());
        assertEquals(CallStatus.COMPLETED, ended.status());
        assertEquals("Disconnected by administrator", ended.disconnectReason());
        assertEquals(1, count(CallEvent.CallEnded.class));
        assertTrue(calls().activeCalls().isEmpty());
    }

    /**
     * Seed 001 "Maintenance Mode": new calls are refused, calls in progress carry on. The caller holds its answered
     * call for 8 s before its BYE; maintenance mode goes on as soon as the call is confirmed, and the call is shown
     * still up after that, so the BYE that ends it (200 to the caller, "BYE from caller") crossed the node in
     * maintenance mode.
     */
    @Test
    void maintenanceModeRefusesANewCallWhileTheAnsweredOneCarriesOnToItsBye() throws Exception {
        Sipp.Run callee = uas("uas-held.xml");
        Sipp.Run caller = uac("call.xml", "<pause milliseconds=\"200\"/>", "<pause milliseconds=\"8000\"/>");
        SipService sip = engine.service(SipService.class);
        Await.until(() -> sip.server().calls().calls().stream().anyMatch(c -> c.confirmed()), WAIT,
                "the call to be confirmed");
        engine.apply(SipTestSupport.engineConfig(cfg.withMaintenanceMode(true)));
        assertEquals(1, calls().activeCalls().size(), "the answered call is still up in maintenance mode");

        Sipp.Run refused = uac("invite-refused.xml", "MAX_FORWARDS", "70", "FINAL_STATUS", "503");
        assertEquals(0, refused.exitCode(30), refused::output);
        assertEquals(0, caller.exitCode(30), caller::output);
        assertEquals(0, callee.exitCode(30), callee::output);
        CallRecord ended = waitForEnd();
        assertEquals(CallStatus.COMPLETED, ended.status());
        assertEquals("BYE from caller", ended.disconnectReason());
        assertEquals(1, count(CallEvent.CallStarted.class), "the refused INVITE started no call");
    }

    private CallControl calls() {
        return engine.service(CallControl.class);
    }

    private CallRecord waitForEnd() throws InterruptedException {
        Await.until(() -> count(CallEvent.CallEnded.class) > 0, WAIT, "CallEnded");
        return only(CallEvent.CallEnded.class).call();
    }

    private <T extends CallEvent> T only(Class<T> type) {
        List<T> found = events.stream().filter(type::isInstance).map(type::cast).toList();
        assertEquals(1, found.size(), () -> type.getSimpleName() + ": " + found);
        return found.get(0);
    }

    private long count(Class<? extends CallEvent> type) {
        return events.stream().filter(type::isInstance).count();
    }
}
