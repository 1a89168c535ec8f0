package org.edgeway.services.protection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.edgeway.engine.net.Cidr;
import org.junit.jupiter.api.Test;

/** The detector's counting: trigger level, sliding window, block end, categories apart; exemptions by prefix. */
class FailureDetectorTest {

    private static final FailureDetector.Rule FIVE_IN_A_MINUTE = new FailureDetector.Rule(5, Duration.ofSeconds(60),
            Duration.ofSeconds(600));
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final FailureDetector detector = new FailureDetector();

    @Test
    void moreFailuresThanTheTriggerLevelInTheWindowBlockForTheBlockDuration() {
        for (int i = 0; i < 5; i++) {
            assertEquals(Optional.empty(), detector.failed("sip-auth", "192.0.2.1", FIVE_IN_A_MINUTE, T0.plusSeconds(i)),
                    "failure " + (i + 1) + " of a trigger level of 5");
        }
        assertEquals(Optional.of(T0.plusSeconds(5 + 600)),
                detector.failed("sip-auth", "192.0.2.1", FIVE_IN_A_MINUTE, T0.plusSeconds(5)));
        assertEquals(0, detector.count("sip-auth", "192.0.2.1", Duration.ofSeconds(60), T0.plusSeconds(5)),
                "a block starts the count again");
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCount() {
        for (int i = 0; i < 5; i++) {
            detector.failed("turn-auth", "192.0.2.2", FIVE_IN_A_MINUTE, T0.plusSeconds(i * 10L));
        }
        // the first failure (T0) leaves the window at T0+60: the sixth is then only the fifth in the window
        assertEquals(Optional.empty(), detector.failed("turn-auth", "192.0.2.2", FIVE_IN_A_MINUTE, T0.plusSeconds(60)));
        assertEquals(5, detector.count("turn-auth", "192.0.2.2", Duration.ofSeconds(60), T0.plusSeconds(60)));
        assertTrue(detector.failed("turn-auth", "192.0.2.2", FIVE_IN_A_MINUTE, T0.plusSeconds(61)).isPresent(),
                "six in the window from T0+10 to T0+61");
    }

    @Test
    void categoriesAndAddressesCountApart() {
        FailureDetector.Rule one = new FailureDetector.Rule(1, Duration.ofSeconds(60), Duration.ofSeconds(30));
        assertEquals(Optional.empty(), detector.failed("sip-auth", "192.0.2.3", one, T0));
        assertEquals(Optional.empty(), detector.failed("turn-auth", "192.0.2.3", one, T0));
        assertEquals(Optional.empty(), detector.failed("sip-auth", "192.0.2.4", one, T0));
        assertEquals(Optional.of(T0.plusSeconds(31)), detector.failed("sip-auth", "192.0.2.3", one, T0.plusSeconds(1)));
    }

    @Test
    void forgetAndPurgeDropCounts() {
        detector.failed("api-login", "192.0.2.5", FIVE_IN_A_MINUTE, T0);
        detector.failed("api-login", "192.0.2.6", FIVE_IN_A_MINUTE, T0.plusSeconds(50));
        detector.forget("api-login", "192.0.2.5");
        assertEquals(0, detector.count("api-login", "192.0.2.5", Duration.ofSeconds(60), T0));
        detector.purge(Duration.ofSeconds(60), T0.plusSeconds(100));
        assertEquals(1, detector.count("api-login", "192.0.2.6", Duration.ofSeconds(600), T0.plusSeconds(100)),
                "a failure within the longest window stays");
        detector.purge(Duration.ofSeconds(60), T0.plusSeconds(111));
        assertEquals(0, detector.count("api-login", "192.0.2.6", Duration.ofSeconds(600), T0.plusSeconds(111)));
    }

    @Test
    void exemptionsMatchByPrefixPerCategoryInBothFamilies() throws Exception {
        Exemptions exemptions = new Exemptions(List.of(
                new Exemptions.Range(Cidr.parse("198.51.100.0/24"), Set.of("sip-auth")),
                new Exemptions.Range(Cidr.parse("2001:db8:1::/48"), Set.of("turn-auth", "sip-auth"))));
        assertTrue(exemptions.exempt("sip-auth", InetAddress.getByName("198.51.100.200")));
        assertFalse(exemptions.exempt("turn-auth", InetAddress.getByName("198.51.100.200")), "not for this category");
        assertFalse(exemptions.exempt("sip-auth", InetAddress.getByName("198.51.101.1")), "outside the /24");
        assertTrue(exemptions.exempt("turn-auth", InetAddress.getByName("2001:db8:1:ffff::1")));
        assertFalse(exemptions.exempt("turn-auth", InetAddress.getByName("2001:db8:2::1")), "outside the /48");
        assertFalse(exemptions.exempt("sip-auth", InetAddress.getByName("2001:db9::1")), "IPv6 outside every range");
        assertFalse(Exemptions.NONE.exempt("sip-auth", InetAddress.getByName("198.51.100.1")));
    }
}
