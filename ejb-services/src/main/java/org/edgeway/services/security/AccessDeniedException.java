package org.edgeway.services.security;

import jakarta.ejb.ApplicationException;

/** The caller may not do this (not logged in, or a read-only account attempting a change). */
@ApplicationException(rollback = true)
public class AccessDeniedException extends RuntimeException {

    public AccessDeniedException(String message) {
        super(message);
    }
}
