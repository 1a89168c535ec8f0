package org.edgeway.engine.turn;

import java.util.List;
import org.edgeway.engine.stun.StunErrorCode;
import org.edgeway.engine.stun.StunMessage;
import org.edgeway.engine.stun.attribute.XorPeerAddressAttribute;

/** CreatePermission (RFC 8656 section 9.2): every peer checked by the address policy, all or none installed. */
final class CreatePermissionHandler extends AllocationMethodHandler {

    private final TurnServer server;

    CreatePermissionHandler(TurnServer server) {
        this.server = server;
    }

    @Override
    StunMessage.Builder handle(Allocation a, StunMessage msg, long now) {
        List<XorPeerAddressAttribute> peers = msg.getAll(XorPeerAddressAttribute.class);
        if (peers.isEmpty()) {
            return MethodHandler.error(msg, StunErrorCode.BAD_REQUEST);
        }
        int added = 0;
        for (XorPeerAddressAttribute peer : peers) {
            if (a.relay(peer.family()) == null) {
                return MethodHandler.error(msg, StunErrorCode.PEER_ADDRESS_FAMILY_MISMATCH);
            }
            if (!server.policy.allowed(peer.address())) {
                return MethodHandler.error(msg, StunErrorCode.FORBIDDEN);
            }
            if (!a.hasPermission(peer.address().getAddress())) {
                added++;
            }
        }
        if (a.permissionCount() + added > Allocation.MAX_PERMISSIONS) {
            return MethodHandler.error(msg, StunErrorCode.INSUFFICIENT_CAPACITY);
        }
        for (XorPeerAddressAttribute peer : peers) {
            a.permit(peer.address().getAddress(), now);
        }
        return StunMessage.successResponse(msg);
    }
}
