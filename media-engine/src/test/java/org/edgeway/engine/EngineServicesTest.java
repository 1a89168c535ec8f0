package org.edgeway.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** How the facade drives its services: start, apply, restart on a node change, stop in reverse, snapshots by key. */
class EngineServicesTest {

    /** A service that records what the engine asked of it; its snapshot is the last configuration it got. */
    private static final class Recorder implements EngineService<String, String> {
        final ServiceKey<String, String> key;
        final List<String> calls;
        private volatile String current;

        Recorder(String name, List<String> calls) {
            this.key = new ServiceKey<>(name, String.class, String.class, name + "-defaults", name + "-off");
            this.calls = calls;
        }

        @Override
        public ServiceKey<String, String> key() {
            return key;
        }

        @Override
        public void start(ServiceContext context, String config) {
            calls.add(key.name() + " start " + config + " on " + context.node().role());
            current = config;
        }

        @Override
        public void apply(ServiceContext context, String config) {
            calls.add(key.name() + " apply " + config);
            current = config;
        }

        @Override
        public void stop() {
            calls.add(key.name() + " stop");
            current = null;
        }

        @Override
        public String snapshot() {
            String c = current;
            return c == null ? key.inactive() : c;
        }

        @Override
        public ServiceStatus status() {
            return new ServiceStatus(key.name(), current == null ? EngineState.STOPPED : EngineState.RUNNING,
                    snapshot());
        }
    }

    @Test
    void servicesGetTheirPartStartInOrderAndStopInReverse() {
        List<String> calls = new CopyOnWriteArrayList<>();
        Recorder a = new Recorder("A", calls);
        Recorder b = new Recorder("B", calls);
        try (Engine engine = new Engine(null, List.of(a, b))) {
            EngineConfig config = EngineConfig.defaults().with(a.key, "a1");
            engine.start(config);
            assertEquals(List.of("A start a1 on EXPRESSWAY_E", "B start B-defaults on EXPRESSWAY_E"), calls);
            assertEquals("a1", engine.snapshot().service(a.key));
            assertEquals("B-defaults", engine.snapshot().service(b.key));
            assertEquals(List.of("Engine", "A", "B"),
                    engine.snapshot().services().stream().map(ServiceStatus::name).toList());

            calls.clear();
            engine.apply(engine.config().with(a.key, "a2"));
            assertEquals(List.of("A apply a2", "B apply B-defaults"), calls, "same node: each service applies");

            calls.clear();
            engine.apply(new EngineConfig(new NodeSettings(NodeRole.EXPRESSWAY_C, SystemSize.SMALL, "edgeway",
                    "127.0.0.1"), engine.config().services()));
            assertEquals(List.of("B stop", "A stop", "A start a2 on EXPRESSWAY_C", "B start B-defaults on EXPRESSWAY_C"),
                    calls, "a node change restarts every service");
            assertSame(a, engine.service(Recorder.class), "the first service of that type");

            calls.clear();
        }
        assertEquals(List.of("B stop", "A stop"), calls);
    }

    @Test
    void aConfigurationOfTheWrongTypeIsRefusedWhenBuilt() {
        ServiceKey<Integer, String> key = new ServiceKey<>("N", Integer.class, String.class, 0, "off");
        Map<ServiceKey<?, ?>, Object> wrong = Map.of(key, "not a number");
        NodeSettings node = EngineConfig.defaults().node();
        assertThrows(ClassCastException.class, () -> new EngineConfig(node, wrong));
    }

    @Test
    void aSnapshotWithoutTheServiceShowsItInactive() {
        ServiceKey<String, String> key = new ServiceKey<>("X", String.class, String.class, "d", "inactive");
        assertEquals("inactive", new EngineSnapshot(EngineState.STOPPED, null, List.of(), Map.of()).service(key));
    }
}
