package org.edgeway.engine.turn;

import org.edgeway.engine.stun.StunErrorCode;
import org.edgeway.engine.stun.StunMessage;
import org.edgeway.engine.stun.attribute.AddressFamily;
import org.edgeway.engine.stun.attribute.LifetimeAttribute;
import org.edgeway.engine.stun.attribute.RequestedAddressFamilyAttribute;

/** Refresh (RFC 8656 section 7.3): lifetime, 0 deletes, per family for dual allocations. */
final class RefreshHandler extends AllocationMethodHandler {

    private final TurnServer server;

    RefreshHandler(TurnServer server) {
        this.server = server;
    }

    @Override
    StunMessage.Builder handle(Allocation a, StunMessage msg, long now) {
        RequestedAddressFamilyAttribute requested = msg.get(RequestedAddressFamilyAttribute.class);
        AddressFamily family = null;
        if (requested != null) {
            family = requested.family();
            if (family == null || a.relay(family) == null) {
                return MethodHandler.error(msg, StunErrorCode.PEER_ADDRESS_FAMILY_MISMATCH);
            }
        }
        LifetimeAttribute lifetimeAttribute = msg.get(LifetimeAttribute.class);
        long lifetime = lifetimeAttribute == null ? Allocation.DEFAULT_LIFETIME
                : Math.min(Allocation.MAX_LIFETIME, lifetimeAttribute.seconds());
        if (lifetime == 0) {
            if (family != null && a.relayCount() == 2) {
                server.deleteRelay(a, family);
            } else {
                server.delete(a, "refresh 0");
            }
        } else {
            a.refresh(now, lifetime);
        }
        return StunMessage.successResponse(msg).add(new LifetimeAttribute(lifetime));
    }
}
