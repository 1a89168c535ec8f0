package org.edgeway.engine.b2bua;

import java.util.function.Function;
import java.util.function.Supplier;
import org.edgeway.engine.NodeRole;
import org.edgeway.engine.rtp.MediaRelay;
import org.edgeway.engine.sip.SipConfig;
import org.edgeway.engine.sip.dialog.MediaAnchor;
import org.edgeway.engine.sip.dialog.TrackedCall;
import org.edgeway.engine.zones.ZoneConfig;
import org.edgeway.engine.zones.ZoneConfig.ZoneType;

/**
 * Which calls this node anchors media for: those that cross a traversal zone (traversal client or server, plain or
 * Unified Communications), on both nodes of the pair as seed 003's worked example shows (C relays between the
 * enterprise and the E, E between the C and the outside). On an Expressway-E the side facing its C (the traversal
 * zone's side) uses the demultiplexing pair. Other calls are proxied with their SDP untouched. Whether the call
 * passes ICE through is decided here too, per call, from its zones and its legs' transports. The C terminates
 * such a call's dialog (two dialogs, the B2BUA of seed 000's figures sits on the C); the E stays a proxy that
 * anchors media, so the outside endpoint's dialog reaches the C through it unchanged.
 */
public final class B2bua implements Function<TrackedCall, MediaAnchor> {

    private final Supplier<MediaRelay> relay;
    private final Supplier<SipConfig> config;
    private final NodeRole role;
    private final String address;

    /** @param address the address this node's media ports are reached at (SDP c=) */
    public B2bua(Supplier<MediaRelay> relay, Supplier<SipConfig> config, NodeRole role, String address) {
        this.relay = relay;
        this.config = config;
        this.role = role;
        this.address = address;
    }

    @Override
    public MediaAnchor apply(TrackedCall call) {
        MediaRelay r = relay.get();
        if (r == null) {
            return null;
        }
        boolean fromTraversal = traversal(call.sourceZone());
        boolean toTraversal = traversal(call.destinationZone());
        if (!fromTraversal && !toTraversal) {
            return null;
        }
        boolean e = role == NodeRole.EXPRESSWAY_E;
        return new SdpAnchoring(r, call, address, e && fromTraversal, e && toTraversal,
                encryption(call.sourceZone()), encryption(call.destinationZone()),
                IcePassthroughMode.of(passthrough(call), call.signalledOverTls()), !e);
    }

    /**
     * ICE passthrough support is On on every configured zone the call crosses here (the traversal zone and the
     * neighbor zone to Unified CM on a C); the built-in zones (an MRA endpoint's CollaborationEdgeZone) have no
     * such setting.
     */
    private boolean passthrough(TrackedCall call) {
        ZoneConfig from = zone(call.sourceZone());
        ZoneConfig to = zone(call.destinationZone());
        return (from != null || to != null) && (from == null || from.icePassthrough())
                && (to == null || to.icePassthrough());
    }

    private boolean traversal(String zoneName) {
        ZoneConfig z = zone(zoneName);
        return z != null && (z.type() == ZoneType.TRAVERSAL_CLIENT || z.type() == ZoneType.TRAVERSAL_SERVER
                || z.type() == ZoneType.UNIFIED_COMMUNICATIONS_TRAVERSAL);
    }

    /** A configured zone's media encryption mode; Auto for LocalZone, DefaultZone and the like. */
    private ZoneConfig.MediaEncryption encryption(String zoneName) {
        ZoneConfig z = zone(zoneName);
        return z == null ? ZoneConfig.MediaEncryption.AUTO : z.mediaEncryption();
    }

    private ZoneConfig zone(String name) {
        for (ZoneConfig z : config.get().zones()) {
            if (z.name().equals(name)) {
                return z;
            }
        }
        return null;
    }
}
