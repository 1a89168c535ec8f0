package org.edgeway.services.turn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.edgeway.engine.turn.TurnConfig;
import org.junit.jupiter.api.Test;

/** Seed 003: while TURN stays On, only credentials apply before a restart. */
class TurnEngineConfigTest {

    private static final TurnConfig ON = TurnConfig.builder().enabled(true).credentials(Map.of("alice", "a")).build();

    @Test
    void firstStartRunsWhatIsStored() {
        assertEquals(ON, TurnEngineConfig.effective(null, ON));
    }

    @Test
    void whileOnOtherSettingsWaitButCredentialsApply() {
        TurnConfig stored = ON.toBuilder().realm("example.com").requestsPort(3500)
                .credentials(Map.of("alice", "changed", "bob", "b")).sharedSecret("s").build();
        TurnConfig effective = TurnEngineConfig.effective(ON, stored);
        assertEquals("TANDBERG", effective.realm());
        assertEquals(3478, effective.requestsPort());
        assertEquals(Map.of("alice", "changed", "bob", "b"), effective.credentials());
        assertEquals("s", effective.sharedSecret());
    }

    @Test
    void switchingOffAndOnAppliesEverything() {
        TurnConfig stored = ON.toBuilder().realm("example.com").build();
        TurnConfig off = stored.toBuilder().enabled(false).build();
        assertEquals(off, TurnEngineConfig.effective(ON, off));
        assertEquals(stored, TurnEngineConfig.effective(off, stored));
    }
}
