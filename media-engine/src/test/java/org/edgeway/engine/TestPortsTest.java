package org.edgeway.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The port scan tests rely on to share the band with another build's tests. */
class TestPortsTest {

    /** Two builds held all of the band but one stretch; 200 random tries of the old scan missed it now and then. */
    @Test
    void findsTheOnlyFreeStretchLeftFromAnyStart() {
        Set<Integer> free = new HashSet<>();
        for (int p = 22_100; p < 22_140; p++) {
            free.add(p);
        }
        free.add(20_500); // single free ports elsewhere do not make a range
        free.add(23_999);
        for (int start : new int[] {0, 2_100, 2_105, 2_108, 2_109, 2_120, 2_139, 2_140, 3_999}) {
            int[] dropped = {0};
            int base = TestPorts.firstRun(start, 32, free::contains, () -> dropped[0]++);
            int expected = start > 2_100 && start <= 2_108 ? 20_000 + start : 22_100;
            assertEquals(expected, base, "from " + (20_000 + start));
        }
    }

    @Test
    void aRunDoesNotWrapAroundTheBandsEnd() {
        Set<Integer> free = new HashSet<>();
        for (int p = 23_980; p <= 23_999; p++) {
            free.add(p);
        }
        for (int p = 20_000; p < 20_020; p++) {
            free.add(p);
        }
        assertEquals(-1, TestPorts.firstRun(3_980, 32, free::contains, () -> { }));
        assertEquals(-1, TestPorts.firstRun(3_980, 21, free::contains, () -> { }));
        assertEquals(23_980, TestPorts.firstRun(3_980, 20, free::contains, () -> { }));
    }
}
