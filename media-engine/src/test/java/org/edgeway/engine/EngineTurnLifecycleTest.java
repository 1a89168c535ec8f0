package org.edgeway.engine;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.edgeway.engine.turn.TurnConfig;
import org.edgeway.engine.turn.TurnService;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineTurnLifecycleTest {

    private static TurnConfig turnOn() {
        return TurnConfig.builder().enabled(true).requestsPort(0).mediaPortRange(0, 0)
                .credentials(Map.of("alice", "secret")).build();
    }

    @Test
    void defaultsAreDocumentedValuesAndFourArgumentConfigKeepsTurnOff() {
        TurnConfig d = TurnConfig.defaults();
        assertFalse(d.enabled());
        assertEquals(3478, d.requestsPort());
        assertEquals(List.of(3478, 3479, 3480, 3481, 3482, 3483), d.requestPorts(SystemSize.LARGE));
        assertEquals(List.of(3478), d.toBuilder().portMultiplexing(true).build().requestPorts(SystemSize.LARGE));
        assertEquals(443, d.tcp443Port());
        assertEquals("TANDBERG", d.realm());
        assertEquals(24000, d.mediaPortRangeStart());
        assertEquals(29999, d.mediaPortRangeEnd());
        assertEquals(TurnConfig.ProtocolMode.UDP_AND_TCP, d.protocolMode());
        assertFalse(d.allowUnauthenticatedStunBinding());
        assertEquals(1800, d.effectiveMaxRelays(SystemSize.SMALL));
        assertEquals(1800, d.effectiveMaxRelays(SystemSize.MEDIUM));
        assertEquals(6000, d.effectiveMaxRelays(SystemSize.LARGE));
        assertEquals(600, d.nonceLifetime().toSeconds());
        assertFalse(d.tlsEnabled());
        assertEquals(5349, d.tlsPort());
        assertNull(d.tlsKeyStore());
        assertNull(d.tlsKeyStorePassword());
        TurnConfig tls = turnOn().toBuilder().sharedSecret("north").tlsKeyStore(java.nio.file.Path.of("/k.p12"))
                .tlsKeyStorePassword("hush123").build();
        assertEquals("/k.p12", tls.tlsKeyStore());
        assertEquals(tls, tls.toBuilder().build());
        assertFalse(tls.toString().contains("secret") || tls.toString().contains("hush123")
                || tls.toString().contains("north"), tls::toString);
        EngineConfig four = new EngineConfig(NodeRole.EXPRESSWAY_E, SystemSize.SMALL, "h", "127.0.0.1");
        assertEquals(d, four.service(TurnService.KEY));
        assertEquals(turnOn(), four.with(TurnService.KEY, turnOn()).service(TurnService.KEY));
    }

    @Test
    void engineMainTlsOptions() {
        TurnConfig t = EngineMain.parse(new String[] {"--port", "0", "--user", "alice:secret", "--tls-port", "15349",
                "--keystore", "/etc/edgeway/turn.p12", "--keystore-password", "pw"}).service(TurnService.KEY);
        assertTrue(t.tlsEnabled());
        assertEquals(15349, t.tlsPort());
        assertEquals("/etc/edgeway/turn.p12", t.tlsKeyStore());
        assertEquals("pw", t.tlsKeyStorePassword());
        assertFalse(EngineMain.parse(new String[] {"--port", "0"}).service(TurnService.KEY).tlsEnabled());
    }

    @Test
    void turnStartsOnApplyRestartsOnChangeAndStopsWithTheEngine() throws Exception {
        List<EngineEvent> events = new CopyOnWriteArrayList<>();
        try (Engine engine = new Engine(events::add)) {
            engine.start(EngineConfig.defaults());
            assertEquals(EngineState.STOPPED, engine.snapshot().service(TurnService.KEY).state());
            assertEquals("Inactive", engine.snapshot().service(TurnService.KEY).state().label());

            EngineConfig on = EngineConfig.defaults().with(TurnService.KEY, turnOn());
            engine.apply(on);
            EngineSnapshot s = engine.snapshot();
            assertEquals(EngineState.RUNNING, s.service(TurnService.KEY).state());
            assertEquals("Active", s.service(TurnService.KEY).state().label());
            assertEquals(2, s.service(TurnService.KEY).listeningAddresses().size(), s.service(TurnService.KEY).listeningAddresses()::toString);
            assertTrue(s.services().stream().anyMatch(x -> x.name().equals("TURN") && x.state() == EngineState.RUNNING));
            assertEquals(1800, s.service(TurnService.KEY).capacity());

            long starts = events.stream().filter(e -> e instanceof EngineEvent.StateChanged c
                    && c.service().equals("TURN") && c.state() == EngineState.RUNNING).count();
            engine.apply(on); // unchanged: no restart
            assertEquals(starts, events.stream().filter(e -> e instanceof EngineEvent.StateChanged c
                    && c.service().equals("TURN") && c.state() == EngineState.RUNNING).count());
            engine.apply(on.with(TurnService.KEY, on.service(TurnService.KEY).toBuilder().realm("example.com").build()));
            assertEquals(starts + 1, events.stream().filter(e -> e instanceof EngineEvent.StateChanged c
                    && c.service().equals("TURN") && c.state() == EngineState.RUNNING).count(), "restarted");

            engine.apply(new EngineConfig(NodeRole.EXPRESSWAY_C, SystemSize.SMALL, "edgeway", "127.0.0.1").with(TurnService.KEY, turnOn()));
            assertEquals(EngineState.STOPPED, engine.snapshot().service(TurnService.KEY).state());
            assertTrue(engine.snapshot().service(TurnService.KEY).detail().contains("Expressway-E"));
            assertNull(engine.service(TurnService.class).server());

            engine.apply(on);
            assertEquals(EngineState.RUNNING, engine.snapshot().service(TurnService.KEY).state());
        }
        assertTrue(events.stream().anyMatch(e -> e instanceof EngineEvent.StateChanged c
                && c.service().equals("TURN") && c.state() == EngineState.STOPPED));
    }

    @Test
    void aBusyPortFailsTheServiceAndRaisesAnAlarm() throws Exception {
        List<EngineEvent> events = new CopyOnWriteArrayList<>();
        try (DatagramSocket busy = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                Engine engine = new Engine(events::add)) {
            engine.start(EngineConfig.defaults().with(TurnService.KEY, turnOn().toBuilder()
                    .requestsPort(busy.getLocalPort()).protocolMode(TurnConfig.ProtocolMode.UDP).build()));
            assertEquals(EngineState.RUNNING, engine.snapshot().state(), "the engine itself keeps running");
            assertEquals(EngineState.FAILED, engine.snapshot().service(TurnService.KEY).state());
            assertTrue(events.stream().anyMatch(e -> e instanceof EngineEvent.AlarmRaised a
                    && a.id().equals(TurnService.START_ALARM)));
        }
    }
}
