package org.edgeway.engine.turn;

import org.edgeway.engine.stun.StunMessage;

/**
 * One authenticated TURN request method (Allocate, Refresh, CreatePermission, ChannelBind). Called on the client's
 * event loop after {@link TurnRequestProcessor} has decoded and authenticated the request.
 */
interface MethodHandler {

    /** The response to sign and send, or null when the handler answered itself. */
    StunMessage.Builder handle(ClientTransport client, StunMessage msg, TurnAuthenticator.Outcome o, long now);

    static StunMessage.Builder error(StunMessage msg, int code) {
        return StunMessage.errorResponse(msg, code);
    }
}
