package org.edgeway.engine.sip.dialog;

import org.edgeway.engine.sip.message.SipMessage;

/**
 * What a node changes in a call's INVITE and its responses as they pass (the B2BUA's SDP: media through this
 * node). Called on the copies that leave, never on what arrived.
 */
public interface MessageRewrite {

    /** The INVITE about to be sent on: 0 to send it, else the status to refuse it with (488 for bad SDP). */
    int request(SipMessage outgoing);

    /** A response about to go back upstream. */
    void response(SipMessage upstream);

    MessageRewrite NONE = new MessageRewrite() {
        @Override
        public int request(SipMessage outgoing) {
            return 0;
        }

        @Override
        public void response(SipMessage upstream) {
        }
    };
}
