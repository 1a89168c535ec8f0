package org.edgeway.engine.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.edgeway.engine.Engine;
import org.edgeway.engine.EngineConfig;
import org.edgeway.engine.EngineEvent;
import org.edgeway.engine.EngineState;
import org.edgeway.engine.zones.SearchRule;
import org.edgeway.engine.zones.ZoneConfig;
import org.junit.jupiter.api.Test;

/** SIP as an engine service: Off by default, live changes keep the server, listener changes restart it, failures. */
class SipServiceTest {

    @Test
    void sipIsOffOnANewNode() {
        try (Engine engine = new Engine(null)) {
            engine.start(EngineConfig.defaults());
            SipSnapshot s = engine.snapshot().service(SipService.KEY);
            assertEquals(EngineState.STOPPED, s.state());
            assertEquals("SIP mode Off", s.detail());
            assertNull(engine.service(SipService.class).server());
        }
    }

    @Test
    void dialPlanChangesApplyLiveListenerChangesRestart() throws Exception {
        int port = SipTestSupport.freePort();
        SipConfig cfg = SipTestSupport.config(port);
        try (Engine engine = SipTestSupport.start(cfg)) {
            SipServer first = engine.service(SipService.class).server();
            SipConfig withRules = cfg.withZones(List.of(SipTestSupport.neighbor(3, "N", "127.0.0.1", 5060,
                    ZoneConfig.Transport.TCP))).withSearchRules(List.of(SipTestSupport.rule(1, "r", 1,
                    SearchRule.PatternType.PREFIX, "9", SearchRule.PatternBehavior.STRIP, null, "N")));
            engine.apply(SipTestSupport.engineConfig(withRules));
            assertSame(first, engine.service(SipService.class).server(), "rules and zones change live");
            SipSnapshot.ZoneStatus zone = engine.snapshot().service(SipService.KEY).zones().get(0);
            assertEquals("N", zone.name());
            assertEquals("Active", zone.state());
            int other = SipTestSupport.freePort();
            SipConfig moved = withRules.withProtocol(true, new SipConfig.Listener(true, other),
                    new SipConfig.Listener(false, other), cfg.tls(), null, cfg.registrationMinimum(),
                    cfg.registrationMaximum());
            engine.apply(SipTestSupport.engineConfig(moved));
            assertNotSame(first, engine.service(SipService.class).server(), "a port change restarts");
            assertEquals(List.of("UDP 127.0.0.1:" + other), engine.snapshot().service(SipService.KEY)
                    .listeningAddresses());
            try (SipClient client = SipClient.udp(other)) {
                client.sendText(SipListenersTest.OPTIONS.replace("SERVER", String.valueOf(other))
                        .replace("BRANCH", "moved"));
                assertEquals(200, client.receive().status());
            }
        }
    }

    @Test
    void aTakenPortFailsTheServiceWithAnAlarm() throws Exception {
        int port = SipTestSupport.freePort();
        List<EngineEvent> events = new CopyOnWriteArrayList<>();
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                Engine engine = new Engine(events::add, List.of(new SipService()))) {
            engine.start(SipTestSupport.engineConfig(SipTestSupport.config(port)));
            SipSnapshot s = engine.snapshot().service(SipService.KEY);
            assertEquals(EngineState.FAILED, s.state());
            assertTrue(s.detail().startsWith("Failed to start"), s.detail());
            assertTrue(events.stream().anyMatch(e -> e instanceof EngineEvent.AlarmRaised a
                    && a.id().equals(SipService.START_ALARM)), events.toString());
            assertTrue(taken.isBound());
        }
    }
}
