package org.edgeway.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
