package org.edgeway.services.authentication;

import java.io.Serializable;
import java.time.Instant;

/** A local database credential as listed: never its password. */
public record CredentialView(long id, String name, Instant createdAt) implements Serializable {

    public long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
