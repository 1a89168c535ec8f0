package org.edgeway.services.security;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Logger;

/**
 * The administrator-login category of the automated protection service (seed 001, fail2ban-style protection
 * "against brute force attacks that originate from a single source IP address"), counted per source address and
 * per account name: after {@value #TRIGGER_LEVEL} failures within {@link #WINDOW}, that address (or account) is
 * blocked for {@link #BLOCK_PERIOD}.
 * <p>
 * An attempt is counted as a failure before its password is checked ({@link #admit}), so parallel guesses can
 * never run more than {@value #TRIGGER_LEVEL} password checks; a success only takes back its own attempt
 * ({@link #succeeded}), never the failures of other attempts or accounts.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class LoginGuard {

    public static final int TRIGGER_LEVEL = 5;
    public static final Duration WINDOW = Duration.ofMinutes(1);
    public static final Duration BLOCK_PERIOD = Duration.ofMinutes(10);
    /** What a source told to wait while its own attempts are still being checked should wait. */
    static final Duration BUSY_RETRY = Duration.ofSeconds(1);
    private static final int MAX_TRACKED = 100_000;
    private static final Logger LOG = Logger.getLogger(LoginGuard.class.getName());

    /** Attempts of one key in the current window: counted failures include attempts still being checked. */
    private record Record(int attempts, Instant windowStart, Instant blockedUntil) {

        boolean blockedAt(Instant now) {
            return blockedUntil != null && now.isBefore(blockedUntil);
        }

        boolean staleAt(Instant now) {
            return !blockedAt(now) && !windowStart.plus(WINDOW).isAfter(now);
        }
    }

    private final ConcurrentMap<String, Record> records = new ConcurrentHashMap<>();

    /**
     * Records one login attempt of {@code account} from {@code source} as a failure, atomically, before the
     * password is checked. Empty if the check may go ahead; else how long the caller must wait.
     */
    public Optional<Duration> admit(String source, String account, Instant now) {
        prune(now);
        Optional<Duration> wait = reserve(sourceKey(source), now);
        if (wait.isPresent()) {
            return wait;
        }
        wait = reserve(accountKey(account), now);
        if (wait.isPresent()) {
            release(sourceKey(source));
        }
        return wait;
    }

    /** The attempt failed: it stays counted; blocks the source or account that reached the trigger level. */
    public void failed(String source, String account, Instant now) {
        block(sourceKey(source), "address " + source, now);
        block(accountKey(account), "account '" + LogText.escape(account) + "'", now);
    }

    /** The attempt succeeded: takes back this attempt only. */
    public void succeeded(String source, String account) {
        release(sourceKey(source));
        release(accountKey(account));
    }

    public boolean isBlocked(String source, Instant now) {
        Record r = records.get(sourceKey(source));
        return r != null && r.blockedAt(now);
    }

    public boolean isAccountBlocked(String account, Instant now) {
        Record r = records.get(accountKey(account));
        return r != null && r.blockedAt(now);
    }

    private Optional<Duration> reserve(String key, Instant now) {
        Duration[] wait = new Duration[1];
        records.compute(key, (k, old) -> {
            if (old == null || old.staleAt(now)) {
                return new Record(1, now, null);
            }
            if (old.blockedAt(now)) {
                wait[0] = Duration.between(now, old.blockedUntil());
                return old;
            }
            if (old.attempts() >= TRIGGER_LEVEL) { // full of attempts still being checked
                wait[0] = BUSY_RETRY;
                return old;
            }
            return new Record(old.attempts() + 1, old.windowStart(), null);
        });
        return Optional.ofNullable(wait[0]);
    }

    private void release(String key) {
        records.computeIfPresent(key, (k, old) -> old.blockedUntil() != null || old.attempts() <= 1 ? null
                : new Record(old.attempts() - 1, old.windowStart(), null));
    }

    private void block(String key, String what, Instant now) {
        boolean[] blocked = new boolean[1];
        records.computeIfPresent(key, (k, old) -> {
            if (old.attempts() < TRIGGER_LEVEL || old.blockedUntil() != null) {
                return old;
            }
            blocked[0] = true;
            return new Record(old.attempts(), old.windowStart(), now.plus(BLOCK_PERIOD));
        });
        if (blocked[0]) {
            LOG.warning(() -> "Automated protection: blocking administrator logins for " + what + " until "
                    + now.plus(BLOCK_PERIOD) + " after " + TRIGGER_LEVEL + " failures");
        }
    }

    private void prune(Instant now) {
        if (records.size() > MAX_TRACKED) {
            records.entrySet().removeIf(e -> e.getValue().staleAt(now));
        }
    }

    private static String sourceKey(String source) {
        return "address " + source;
    }

    private static String accountKey(String account) {
        return "account " + account;
    }
}
