package org.edgeway.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.util.ResourceLeakDetector;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class EngineLifecycleTest {

    @Test
    void startsStopsAndReportsStateChanges() {
        List<EngineEvent> events = new CopyOnWriteArrayList<>();
        try (Engine engine = new Engine(events::add)) {
            assertEquals(EngineState.STOPPED, engine.snapshot().state());
            engine.start(EngineConfig.defaults());
            EngineSnapshot running = engine.snapshot();
            assertEquals(EngineState.RUNNING, running.state());
            assertNotNull(running.startedAt());
            engine.stop();
            assertEquals(EngineState.STOPPED, engine.snapshot().state());
            assertNull(engine.snapshot().startedAt());
            engine.stop(); // idempotent: no second event
        }
        List<EngineState> states = events.stream()
                .map(e -> ((EngineEvent.StateChanged) e).state()).toList();
        assertEquals(List.of(EngineState.STARTING, EngineState.RUNNING, EngineState.STOPPED), states);
        assertTrue(events.stream().allMatch(e -> e.at() != null));
    }

    @Test
    void startingTurnsNettysLeakDetectorOffUnlessALevelIsConfigured() {
        String property = System.getProperty(Engine.LEAK_DETECTION_PROPERTY);
        ResourceLeakDetector.Level level = ResourceLeakDetector.getLevel();
        try {
            System.clearProperty(Engine.LEAK_DETECTION_PROPERTY);
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.SIMPLE);
            try (Engine engine = new Engine(null, List.of())) {
                engine.start(EngineConfig.defaults());
            }
            assertEquals(ResourceLeakDetector.Level.DISABLED, ResourceLeakDetector.getLevel());

            // an operator who asks for leak reports gets them
            System.setProperty(Engine.LEAK_DETECTION_PROPERTY, "paranoid");
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
            try (Engine engine = new Engine(null, List.of())) {
                engine.start(EngineConfig.defaults());
            }
            assertEquals(ResourceLeakDetector.Level.PARANOID, ResourceLeakDetector.getLevel());
        } finally {
            if (property == null) {
                System.clearProperty(Engine.LEAK_DETECTION_PROPERTY);
            } else {
                System.setProperty(Engine.LEAK_DETECTION_PROPERTY, property);
            }
            ResourceLeakDetector.setLevel(level);
        }
    }
}
