package org.edgeway.services.sip;

import jakarta.ejb.ApplicationException;

/** An action on live SIP state (un-register) that the engine cannot carry out now; the message says why. */
@ApplicationException
public class SipUnavailableException extends RuntimeException {

    public SipUnavailableException(String message) {
        super(message);
    }
}
