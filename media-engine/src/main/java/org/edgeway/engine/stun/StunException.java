package org.edgeway.engine.stun;

/** Base of the STUN codec's checked exceptions. */
public class StunException extends Exception {

    private static final long serialVersionUID = 1L;

    public StunException(String message) {
        super(message, null, false, false);
    }
}
