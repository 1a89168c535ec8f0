package org.edgeway.engine.sip.dialog;

import org.edgeway.engine.sip.message.SipMessage;

/**
 * What a node learns from the offers inside a call's dialog (re-INVITE, UPDATE) as they pass: with ICE
 * passthrough, the controlling agent's updated offer says which path the endpoints chose.
 */
public interface DialogOffers {

    /** An in-dialog INVITE or UPDATE with an SDP body, from the caller or the callee, as it arrived. */
    void offer(SipMessage request, boolean fromCaller);
}
