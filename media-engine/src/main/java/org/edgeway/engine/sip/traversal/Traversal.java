package org.edgeway.engine.sip.traversal;

import io.netty.channel.Channel;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;
import org.edgeway.engine.NodeRole;
import org.edgeway.engine.sip.SipConfig;
import org.edgeway.engine.sip.SipSnapshot.ZoneStatus;
import org.edgeway.engine.sip.transaction.Timers;
import org.edgeway.engine.sip.transaction.TransactionLayer;
import org.edgeway.engine.sip.transport.Flow;
import org.edgeway.engine.sip.transport.SipTransports;
import org.edgeway.engine.zones.ZoneConfig;
import org.edgeway.engine.zones.ZoneConfig.Transport;
import org.edgeway.engine.zones.ZoneConfig.ZoneType;

/**
 * The traversal zones of a node: a {@link TraversalClientLink} per client zone and a {@link TraversalServerZone}
 * per server zone (a Unified Communications traversal zone is a client on the Expressway-C and a server on the
 * Expressway-E). {@link #apply} starts, keeps or restarts each as the configuration changes.
 */
public final class Traversal {

    private static final Logger LOG = Logger.getLogger(Traversal.class.getName());

    private final NodeRole role;
    private final SipTransports transports;
    private final TransactionLayer layer;
    private final Timers timers;
    private final Function<Transport, String> sentBy;
    private final Map<String, ZoneConfig> running = new HashMap<>();
    private final Map<String, TraversalClientLink> clients = new HashMap<>();
    private final Map<String, TraversalServerZone> servers = new HashMap<>();
    private final Map<String, ZoneState> broken = new HashMap<>();

    public Traversal(NodeRole role, SipTransports transports, TransactionLayer layer, Timers timers,
            Function<Transport, String> sentBy) {
        this.role = role;
        this.transports = transports;
        this.layer = layer;
        this.timers = timers;
        this.sentBy = sentBy;
    }

    /** Whether a zone of this type is the server end on this node. */
    public boolean isServer(ZoneConfig zone) {
        return zone.type() == ZoneType.TRAVERSAL_SERVER
                || zone.type() == ZoneType.UNIFIED_COMMUNICATIONS_TRAVERSAL && role == NodeRole.EXPRESSWAY_E;
    }

    /**
     * Whether this node is the edge of Mobile and Remote Access: an Expressway-E with a Unified Communications
     * traversal zone, whose MRA endpoints then come from the CollaborationEdgeZone.
     */
    public boolean isCollaborationEdge(SipConfig cfg) {
        return role == NodeRole.EXPRESSWAY_E
                && cfg.zones().stream().anyMatch(z -> z.type() == ZoneType.UNIFIED_COMMUNICATIONS_TRAVERSAL);
    }

    public static boolean isTraversal(ZoneConfig zone) {
        return zone.type() != ZoneType.NEIGHBOR;
    }

    /** Starts new and changed traversal zones, stops removed ones. A change of TLS material restarts them all. */
    public synchronized void apply(SipConfig cfg, boolean tlsChanged) {
        Map<String, ZoneConfig> wanted = new HashMap<>();
        for (ZoneConfig z : cfg.zones()) {
            if (isTraversal(z) && z.sipEnabled()) {
                wanted.put(z.name(), z);
            }
        }
        for (String name : Map.copyOf(running).keySet()) {
            if (tlsChanged || !running.get(name).equals(wanted.get(name))) {
                stop(name);
            }
        }
        for (ZoneConfig z : wanted.values()) {
            if (!running.containsKey(z.name())) {
                start(cfg, z);
            }
        }
    }

    private void start(SipConfig cfg, ZoneConfig z) {
        running.put(z.name(), z);
        broken.remove(z.name());
        try {
            if (isServer(z)) {
                TraversalServerZone server = new TraversalServerZone(z, transports);
                server.start(TraversalTls.server(cfg, z.tlsVerify()));
                servers.put(z.name(), server);
            } else {
                TraversalClientLink link = new TraversalClientLink(z, TraversalTls.client(cfg, z.tlsVerify()),
                        transports, layer, timers, sentBy);
                clients.put(z.name(), link);
                link.start();
            }
        } catch (Exception e) {
            LOG.warning("traversal zone " + z.name() + " not started: " + e.getMessage());
            broken.put(z.name(), ZoneState.failed(null, "Not started: " + e.getMessage()));
        }
    }

    private void stop(String name) {
        running.remove(name);
        broken.remove(name);
        TraversalClientLink link = clients.remove(name);
        if (link != null) {
            link.stop();
        }
        TraversalServerZone server = servers.remove(name);
        if (server != null) {
            server.stop();
        }
    }

    public synchronized void stop() {
        for (String name : Map.copyOf(running).keySet()) {
            stop(name);
        }
    }

    /** The connection requests for a traversal zone go down, or null while it is not Active. */
    public synchronized Flow flow(String zone) {
        TraversalClientLink link = clients.get(zone);
        if (link != null) {
            return link.flow();
        }
        TraversalServerZone server = servers.get(zone);
        return server == null ? null : server.flow();
    }

    /** A server zone's client authenticated on {@code ch}. */
    public synchronized void authenticated(String zone, Channel ch) {
        TraversalServerZone server = servers.get(zone);
        if (server != null) {
            server.authenticated(ch);
        }
    }

    public synchronized boolean isAuthenticated(String zone, Channel ch) {
        TraversalServerZone server = servers.get(zone);
        return server != null && server.isAuthenticated(ch);
    }

    public synchronized void refused(String zone, Channel ch, String reason) {
        TraversalServerZone server = servers.get(zone);
        if (server != null) {
            server.refused(ch, reason);
        }
    }

    public synchronized ZoneStatus status(ZoneConfig zone) {
        ZoneState s = broken.get(zone.name());
        if (s == null && clients.containsKey(zone.name())) {
            s = clients.get(zone.name()).state();
        }
        if (s == null && servers.containsKey(zone.name())) {
            s = servers.get(zone.name()).state();
        }
        return (s == null ? ZoneState.failed(null, "Not running") : s).view(zone);
    }
}
