package org.edgeway.engine.turn;

import org.edgeway.engine.stun.StunErrorCode;
import org.edgeway.engine.stun.StunMessage;

/**
 * A method on an existing allocation (Refresh, CreatePermission, ChannelBind): the 5-tuple must have one (437
 * otherwise) and the request must carry the credentials that created it (441 otherwise, RFC 8656 section 5).
 */
abstract class AllocationMethodHandler implements MethodHandler {

    @Override
    public final StunMessage.Builder handle(ClientTransport client, StunMessage msg, TurnAuthenticator.Outcome o,
            long now) {
        Allocation a = client.allocation();
        if (a == null) {
            return MethodHandler.error(msg, StunErrorCode.ALLOCATION_MISMATCH);
        }
        if (!a.username.equals(o.username())) {
            return MethodHandler.error(msg, StunErrorCode.WRONG_CREDENTIALS);
        }
        return handle(a, msg, now);
    }

    /** The response for the client's own allocation {@code a}. */
    abstract StunMessage.Builder handle(Allocation a, StunMessage msg, long now);
}
