package org.edgeway.services.security;

import java.io.Serializable;

/** A successfully authenticated administrator. */
public record AdminIdentity(String name, AccessLevel accessLevel, boolean mustChangePassword) implements Serializable {
}
