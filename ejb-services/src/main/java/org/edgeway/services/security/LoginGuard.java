package org.edgeway.services.security;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Logger;

/**
 * The administrator-login category of the automated protection service (seed 001, fail2ban-style protection
 * "against brute force attacks that originate from a single source IP address"): after {@value #TRIGGER_LEVEL}
 * failures from one address within {@link #WINDOW}, that address is blocked for {@link #BLOCK_PERIOD}.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class LoginGuard {

    public static final int TRIGGER_LEVEL = 5;
    public static final Duration WINDOW = Duration.ofMinutes(1);
    public static final Duration BLOCK_PERIOD = Duration.ofMinutes(10);
    private static final int MAX_TRACKED = 100_000;
    private static final Logger LOG = Logger.getLogger(LoginGuard.class.getName());

    private record Record(int failures, Instant windowStart, Instant blockedUntil) {
    }

    private final ConcurrentMap<String, Record> sources = new ConcurrentHashMap<>();

    public boolean isBlocked(String source, Instant now) {
        Record r = sources.get(source);
        return r != null && r.blockedUntil() != null && now.isBefore(r.blockedUntil());
    }

    public void failed(String source, Instant now) {
        if (sources.size() > MAX_TRACKED) {
            sources.entrySet().removeIf(e -> e.getValue().blockedUntil() == null
                    && e.getValue().windowStart().plus(WINDOW).isBefore(now));
        }
        Record r = sources.compute(source, (k, old) -> {
            if (old == null || old.windowStart().plus(WINDOW).isBefore(now)
                    || old.blockedUntil() != null && !now.isBefore(old.blockedUntil())) {
                return new Record(1, now, null);
            }
            int failures = old.failures() + 1;
            return new Record(failures, old.windowStart(), failures >= TRIGGER_LEVEL ? now.plus(BLOCK_PERIOD) : null);
        });
        if (r.blockedUntil() != null && r.failures() == TRIGGER_LEVEL) {
            LOG.warning(() -> "Automated protection: blocking administrator logins from " + source + " until "
                    + r.blockedUntil() + " after " + TRIGGER_LEVEL + " failures");
        }
    }

    public void succeeded(String source) {
        sources.remove(source);
    }
}
