package org.edgeway.engine.sip.dialog;

/**
 * The SDP side of a call whose media this node anchors: every offer and answer of the call (RFC 3264), in either
 * direction, is rewritten as it leaves so that media flows through this node. Called on the copies that leave.
 */
public interface MediaAnchor {

    /**
     * An offer leaving toward the other side ({@code fromCaller}: the caller made it): 0 when it goes on rewritten,
     * else the status to refuse it with (488 for SDP this node cannot anchor), the call's media left as it was.
     */
    int offer(org.edgeway.engine.sip.message.SipMessage outgoing, boolean fromCaller);

    /** The answer to the last offer, leaving toward the side that made it. */
    void answer(org.edgeway.engine.sip.message.SipMessage outgoing, boolean fromCaller);

    /** Whether this node terminates the call's dialog as a B2BUA (two dialogs) rather than proxying it. */
    boolean twoDialogs();
}
