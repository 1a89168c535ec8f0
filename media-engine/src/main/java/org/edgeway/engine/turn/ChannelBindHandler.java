package org.edgeway.engine.turn;

import java.net.InetAddress;
import org.edgeway.engine.stun.StunErrorCode;
import org.edgeway.engine.stun.StunMessage;
import org.edgeway.engine.stun.attribute.ChannelNumberAttribute;
import org.edgeway.engine.stun.attribute.XorPeerAddressAttribute;

/** ChannelBind (RFC 8656 section 11.2): one number per peer and one peer per number; also installs a permission. */
final class ChannelBindHandler extends AllocationMethodHandler {

    private final TurnServer server;
    private final TurnConfig config;

    ChannelBindHandler(TurnServer server) {
        this.server = server;
        this.config = server.config;
    }

    @Override
    StunMessage.Builder handle(Allocation a, StunMessage msg, long now) {
        ChannelNumberAttribute number = msg.get(ChannelNumberAttribute.class);
        XorPeerAddressAttribute peer = msg.get(XorPeerAddressAttribute.class);
        if (number == null || peer == null
                || !(config.strictChannelNumbers() ? number.valid() : number.validRfc5766())) {
            return MethodHandler.error(msg, StunErrorCode.BAD_REQUEST);
        }
        if (a.relay(peer.family()) == null) {
            return MethodHandler.error(msg, StunErrorCode.PEER_ADDRESS_FAMILY_MISMATCH);
        }
        if (!server.policy.allowed(peer.address())) {
            return MethodHandler.error(msg, StunErrorCode.FORBIDDEN);
        }
        Allocation.ChannelBinding byNumber = a.channelByNumber(number.channel());
        Allocation.ChannelBinding byPeer = a.channelByPeer(peer.address());
        // "The channel number is not currently bound to a different transport address" and "The transport address
        // is not currently bound to a different channel number" (section 11.2)
        if ((byNumber != null && !byNumber.peer.equals(peer.address()))
                || (byPeer != null && byPeer.number != number.channel())) {
            return MethodHandler.error(msg, StunErrorCode.BAD_REQUEST);
        }
        if (byNumber == null && a.channelCount() >= Allocation.MAX_CHANNELS) {
            return MethodHandler.error(msg, StunErrorCode.INSUFFICIENT_CAPACITY);
        }
        InetAddress ip = peer.address().getAddress();
        if (!a.hasPermission(ip) && a.permissionCount() >= Allocation.MAX_PERMISSIONS) {
            return MethodHandler.error(msg, StunErrorCode.INSUFFICIENT_CAPACITY);
        }
        a.bind(number.channel(), peer.address(), now);
        a.permit(ip, now);
        return StunMessage.successResponse(msg);
    }
}
