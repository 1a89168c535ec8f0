package org.edgeway.engine.srtp;

/** A packet that cannot be unprotected: too short, or its authentication tag does not verify. */
public final class SrtpException extends Exception {

    private static final long serialVersionUID = 1L;

    public SrtpException(String message) {
        super(message);
    }
}
