package org.edgeway.services.security;

import jakarta.ejb.ApplicationException;
import java.time.Duration;

/** Automated protection refused a login attempt before checking its password (HTTP 429 in the API). */
@ApplicationException(rollback = true)
public class LoginBlockedException extends RuntimeException {

    private final Duration retryAfter;

    public LoginBlockedException(Duration retryAfter) {
        super("Too many failed logins: try again in " + minutesOrSeconds(retryAfter));
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, at least 1, for a Retry-After header. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    private static String minutesOrSeconds(Duration d) {
        long seconds = Math.max(1, (d.toMillis() + 999) / 1000);
        return seconds < 60 ? seconds + " s" : (seconds + 59) / 60 + " min";
    }
}
