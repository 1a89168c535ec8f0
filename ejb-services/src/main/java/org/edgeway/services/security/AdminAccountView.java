package org.edgeway.services.security;

import java.io.Serializable;
import java.time.Instant;

/** An administrator account as the console lists it (never the password hash). */
public record AdminAccountView(long id, String name, AccessLevel accessLevel, boolean enabled,
        boolean mustChangePassword, Instant createdAt, Instant lastLoginAt) implements Serializable {

    public long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getAccessLevelLabel() {
        return accessLevel.label();
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }
}
