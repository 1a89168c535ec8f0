package org.edgeway.engine.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.edgeway.engine.Engine;
import org.edgeway.engine.sip.auth.DigestAlgorithm;
import org.edgeway.engine.sip.SipSnapshot.SearchView;
import org.edgeway.engine.zones.SearchRule;
import org.edgeway.engine.zones.ZoneConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The registrar and proxy against the real SIPp over UDP: REGISTER with digest (401 then 200; 403 with a wrong
 * password) and un-register; a call INVITE/ACK/BYE through the proxy to a SIPp UAS reached by a search rule and a
 * neighbor zone; 404 when no rule matches; 483 at Max-Forwards 0; 503 in maintenance mode. Each SIPp process is
 * judged by its exit code (0 = its scenario completed) and stopped in @AfterEach.
 */
class SippProxyTest {

    private Engine engine;
    private Sipp sipp;
    private int port;

    @BeforeEach
    void start() {
        Assumptions.assumeTrue(Sipp.installed(), "SIPp (sip-tester) is not installed");
        port = SipTestSupport.freePort();
        engine = SipTestSupport.start(config());
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

    /** SIPp computes MD5 digests only and gives up on a challenge whose first offer is SHA-256: "MD5 only". */
    private SipConfig config() {
        return SipTestSupport.config(port).withDigestAlgorithms(List.of(DigestAlgorithm.MD5));
    }

    private Sipp.Run uac(String scenario, String service, String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("127.0.0.1:" + port, "-sf", scenario, "-s", service,
                "-i", "127.0.0.1", "-p", String.valueOf(SipTestSupport.freePort()), "-m", "1", "-timeout", "20s",
                "-timeout_error"));
        args.addAll(List.of(extra));
        return sipp.start(args.toArray(String[]::new));
    }

    private SipSnapshot snapshot() {
        return engine.snapshot().service(SipService.KEY);
    }

    @Test
    void registersWithDigestAndUnregisters() throws Exception {
        Sipp.Run run = uac(sipp.scenario("register.xml").toString(), "alice", "-au", SipTestSupport.USER, "-ap",
                SipTestSupport.PASSWORD);
        assertEquals(0, run.exitCode(30), run::output);
        assertTrue(snapshot().registrations().isEmpty(), "un-registered: " + snapshot().registrations());
        assertTrue(snapshot().counters().challenges() >= 1);
    }

    @Test
    void wrongPasswordIsForbidden() throws Exception {
        Sipp.Run run = uac(sipp.scenario("register-forbidden.xml").toString(), "alice", "-au", SipTestSupport.USER,
                "-ap", "not-the-password");
        assertEquals(0, run.exitCode(30), run::output);
        assertTrue(snapshot().registrations().isEmpty());
    }

    @Test
    void callGoesThroughASearchRuleToANeighborZone() throws Exception {
        int uasPort = SipTestSupport.freePort();
        SipConfig cfg = config()
                .withZones(List.of(SipTestSupport.neighbor(2, "UasZone", "127.0.0.1", uasPort,
                        ZoneConfig.Transport.UDP)))
                .withSearchRules(List.of(SipTestSupport.rule(1, "to-uas", 10, SearchRule.PatternType.PREFIX, "bob",
                        SearchRule.PatternBehavior.LEAVE, null, "UasZone")));
        engine.apply(SipTestSupport.engineConfig(cfg));
        Sipp.Run uas = sipp.start("-sf", sipp.scenario("uas.xml", "HOP_COUNT",
                String.valueOf(ZoneConfig.DEFAULT_HOP_COUNT)).toString(), "-i", "127.0.0.1", "-p",
                String.valueOf(uasPort), "-m", "1", "-timeout", "25s", "-timeout_error");
        Sipp.Run uac = uac(sipp.scenario("call.xml").toString(), "bob");
        assertEquals(0, uac.exitCode(30), uac::output);
        assertEquals(0, uas.exitCode(30), uas::output);
        SearchView search = snapshot().searches().get(0);
        assertEquals("INVITE", search.method());
        assertEquals(200, search.status());
        assertEquals("bob@example.com", search.alias());
        assertTrue(search.result().contains("UasZone"), search.result());
    }

    @Test
    void noMatchingRuleIsNotFound() throws Exception {
        assertRefused("nobody", "70", 404);
        SearchView search = snapshot().searches().get(0);
        assertEquals(404, search.status());
        assertEquals("Not found", search.result());
    }

    @Test
    void maxForwardsZeroIsTooManyHops() throws Exception {
        assertRefused("bob", "0", 483);
    }

    @Test
    void maintenanceModeRefusesNewCallsAndRegistrations() throws Exception {
        engine.apply(SipTestSupport.engineConfig(config().withMaintenanceMode(true)));
        assertRefused("bob", "70", 503);
        Sipp.Run run = uac(sipp.scenario("register-refused.xml", "FINAL_STATUS", "503").toString(), "alice");
        assertEquals(0, run.exitCode(30), run::output);
        assertTrue(snapshot().registrations().isEmpty());
    }

    private void assertRefused(String service, String maxForwards, int status) throws Exception {
        Sipp.Run run = uac(sipp.scenario("invite-refused.xml", "MAX_FORWARDS", maxForwards, "FINAL_STATUS",
                String.valueOf(status)).toString(), service);
        assertEquals(0, run.exitCode(30), run::output);
    }
}
