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
        // a stopped clock: the burst (twice the rate) and nothing more, however long the loop takes
        long now = 5_000_000_000L;
        int accepted = 0;
        for (int i = 0; i < 1000; i++) {
            accepted += limited.acceptMessage(source, now) ? 1 : 0;
        }
        assertEquals(20, accepted, "a burst of 20 at 10/s");
        assertFalse(limited.acceptMessage(source, now + 99_000_000L), "99 ms later: still no token");
        assertTrue(limited.acceptMessage(source, now + 101_000_000L), "101 ms later: one token");
        assertFalse(limited.acceptMessage(source, now + 101_000_000L), "and only one");

        SourceLimits unlimited = new SourceLimits(SourceLimits.CONNECTIONS_PER_SOURCE, 0);
        for (int i = 0; i < 100_000; i++) {
            assertTrue(unlimited.acceptMessage(source), "message " + i);
        }
    }
}
