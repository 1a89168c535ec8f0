package org.edgeway.engine.sip.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The per-source message limit, and the system property a lab or a benchmark lifts it with. */
class SourceLimitsTest {

    static final String PROPERTY = "edgeway.test.sourceLimitsRate";

    @AfterEach
    void clear() {
        System.clearProperty(PROPERTY);
    }

    @Test
    void aPropertySetsTheRateAndAnythingElseKeepsTheDefault() {
        assertEquals(100, SourceLimits.rate(PROPERTY, 100));
        System.setProperty(PROPERTY, "0");
        assertEquals(0, SourceLimits.rate(PROPERTY, 100));
        System.setProperty(PROPERTY, "20000");
        assertEquals(20000, SourceLimits.rate(PROPERTY, 100));
        System.setProperty(PROPERTY, "-1");
        assertEquals(100, SourceLimits.rate(PROPERTY, 100));
        System.setProperty(PROPERTY, "many");
        assertEquals(100, SourceLimits.rate(PROPERTY, 100));
    }

    @Test
    void aSourceOverItsBurstIsDroppedUnlessTheRateIsZero() throws Exception {
        InetAddress source = InetAddress.getLoopbackAddress();
        SourceLimits limited = new SourceLimits(SourceLimits.CONNECTIONS_PER_SOURCE, 10);
        int accepted = 0;
        for (int i = 0; i < 1000; i++) {
            accepted += limited.acceptMessage(source) ? 1 : 0;
        }
        assertTrue(accepted >= 20 && accepted < 1000, "accepted " + accepted + " of 1000 at 10/s");
        assertFalse(limited.acceptMessage(source));

        SourceLimits unlimited = new SourceLimits(SourceLimits.CONNECTIONS_PER_SOURCE, 0);
        for (int i = 0; i < 100_000; i++) {
            assertTrue(unlimited.acceptMessage(source), "message " + i);
        }
    }
}
