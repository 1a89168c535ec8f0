package org.edgeway.services.security;

import java.io.Serializable;

/**
 * A successfully authenticated administrator. {@code credentialStamp} identifies the password the identity
 * was established with (a digest of its hash), so a session can tell when the password has changed since.
 */
public record AdminIdentity(long id, String name, AccessLevel accessLevel, boolean mustChangePassword,
        String credentialStamp) implements Serializable {
}
