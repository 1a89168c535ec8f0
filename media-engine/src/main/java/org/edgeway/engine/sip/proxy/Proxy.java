package org.edgeway.engine.sip.proxy;

import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.edgeway.engine.sip.SipConfig;
import org.edgeway.engine.sip.SipSnapshot.SearchView;
import org.edgeway.engine.sip.auth.DigestAuthenticator;
import org.edgeway.engine.sip.dialog.CallTracker;
import org.edgeway.engine.sip.dialog.TrackedCall;
import org.edgeway.engine.sip.message.HeaderNames;
import org.edgeway.engine.sip.message.NameAddr;
import org.edgeway.engine.sip.message.Responses;
import org.edgeway.engine.sip.message.SipMessage;
import org.edgeway.engine.sip.message.SipUri;
import org.edgeway.engine.sip.registrar.BindingTable;
import org.edgeway.engine.sip.registrar.Registrar;
import org.edgeway.engine.sip.transaction.ServerTransaction;
import org.edgeway.engine.sip.transaction.TransactionLayer;
import org.edgeway.engine.sip.transport.Flow;
import org.edgeway.engine.sip.transport.SipTransports;
import org.edgeway.engine.sip.traversal.Traversal;
import org.edgeway.engine.zones.SearchRule;
import org.edgeway.engine.zones.ZoneConfig;
import org.edgeway.engine.zones.ZoneConfig.Transport;

/**
 * The transaction user of the node: a stateful proxy (RFC 3261 16) in front of the registrar. New requests are
 * refused in maintenance mode (503), at Max-Forwards 0 (483), challenged when their zone checks credentials (407),
 * sent to the registrar when they register in a registrar domain, routed by Route headers when in a dialog or
 * pre-routed (loose routing), answered locally when they are OPTIONS to the node, and otherwise routed by the
 * dial plan (404 when nothing is found). Each dial plan search is kept in the search history.
 */
public final class Proxy implements TransactionLayer.User {

    private final Supplier<SipConfig> config;
    private final LocalIdentity local;
    private final Registrar registrar;
    private final DialPlan dialPlan;
    private final Forwarder forwarder;
    private final DigestAuthenticator digest;
    private final Registrar.ChallengeGate gate;
    private final SearchHistory history;
    private final Clock clock;

    public Proxy(Supplier<SipConfig> config, LocalIdentity local, Registrar registrar, BindingTable bindings,
            TransactionLayer layer, DigestAuthenticator digest, Registrar.ChallengeGate gate, SearchHistory history,
            Clock clock, org.edgeway.engine.sip.transaction.Sender sender, Traversal traversal, MraRegistrations mra,
            CallTracker calls) {
        this.config = config;
        this.calls = calls;
        this.local = local;
        this.registrar = registrar;
        this.traversal = traversal;
        this.dialPlan = new DialPlan(bindings, traversal::flow);
        this.forwarder = new Forwarder(layer, local, sender);
        this.digest = digest;
        this.gate = gate;
        this.history = history;
        this.clock = clock;
        this.layer = layer;
        this.mra = mra;
    }

    private final TransactionLayer layer;
    private final Traversal traversal;
    private final MraRegistrations mra;
    private final CallTracker calls;

    @Override
    public void onRequest(ServerTransaction tx) {
        SipMessage request = tx.request();
        SipConfig cfg = config.get();
        String method = request.method();
        boolean initial = request.to().tag() == null;
        if (method.equals("CANCEL")) {
            ServerTransaction invite = layer.inviteFor(request);
            if (invite == null) {
                tx.respond(481);
                return;
            }
            tx.respond(200);
            forwarder.cancel(invite);
            return;
        }
        String tagged = zoneTag(tx.flow());
        ZoneConfig taggedZone = tagged == null ? null : zone(cfg, tagged);
        if (taggedZone != null && traversal.isServer(taggedZone)
                && !traversal.isAuthenticated(tagged, tx.flow().channel())) {
            authenticateTraversalClient(tx, cfg, taggedZone);
            return;
        }
        if (taggedZone != null && method.equals("OPTIONS") && request.requestUri().user() == null) {
            tx.respond(200); // a traversal keep-alive
            return;
        }
        if (cfg.maintenanceMode() && initial && (method.equals("INVITE") || method.equals("REGISTER"))) {
            tx.respond(Responses.to(request, 503, "Service Unavailable - maintenance mode"));
            return;
        }
        if (request.maxForwards() == 0) {
            tx.respond(483);
            return;
        }
        String zone = sourceZone(cfg, tx.flow(), traversal.isCollaborationEdge(cfg));
        if (method.equals("REGISTER") && local.isRegistrarDomain(request.requestUri().host())) {
            registrar.register(tx, zone);
            return;
        }
        if (!initial) {
            boolean bridged = calls.bridged(tx); // before inDialog: a BYE ends the call there
            calls.inDialog(request);
            if (bridged) {
                return; // a call this node terminates: re-issued in its other dialog
            }
        }
        boolean routedHere = popOwnRoutes(request);
        List<NameAddr> routes = request.nameAddrs(HeaderNames.ROUTE);
        if (!routes.isEmpty()) {
            forwardTo(tx, routes.get(0).uri(), zone);
            return;
        }
        if (routedHere && !local.isUs(request.requestUri())) {
            // sent here by a Route (a Path) this node put in: on to the target
            forwardTo(tx, request.requestUri(), zone);
            return;
        }
        if (!initial) {
            if (local.isUs(request.requestUri())) {
                tx.respond(481);
            } else {
                forwardTo(tx, request.requestUri(), zone);
            }
            return;
        }
        if (local.isUs(request.requestUri()) && request.requestUri().user() == null) {
            tx.respond(method.equals("OPTIONS") ? 200 : 405);
            return;
        }
        if (!request.requestUri().isSip()) {
            tx.respond(416);
            return;
        }
        Boolean authenticated = authenticate(cfg, tx, zone);
        if (authenticated == null) {
            return;
        }
        route(tx, cfg, zone, authenticated);
    }

    /**
     * The first thing on a traversal server zone's connection must be the client's OPTIONS, digest-authenticated
     * as the zone's username against the local database; until then nothing else is accepted.
     */
    private void authenticateTraversalClient(ServerTransaction tx, SipConfig cfg, ZoneConfig zone) {
        SipMessage request = tx.request();
        io.netty.channel.Channel channel = tx.flow().channel();
        if (!request.method().equals("OPTIONS")) {
            tx.respond(403);
            return;
        }
        DigestAuthenticator.Verdict v = digest.verify(request.headers(HeaderNames.AUTHORIZATION), cfg.realm(),
                "OPTIONS", user -> user.equals(zone.username()) ? cfg.credentials().get(user) : null);
        switch (v.result()) {
            case OK -> {
                traversal.authenticated(zone.name(), channel);
                tx.respond(200);
            }
            case FORBIDDEN -> {
                gate.rejected(tx);
                traversal.refused(zone.name(), channel, "Authentication failed");
                tx.respond(403);
            }
            default -> {
                gate.challenge(tx, 401, HeaderNames.WWW_AUTHENTICATE,
                        digest.challenges(cfg.realm(), v.result() == DigestAuthenticator.Result.STALE));
            }
        }
    }

    private static String zoneTag(Flow flow) {
        return flow.channel() == null ? null : flow.channel().attr(SipTransports.ZONE).get();
    }

    private void route(ServerTransaction tx, SipConfig cfg, String zone, boolean authenticated) {
        SipMessage request = tx.request();
        Instant at = clock.instant();
        Search search = dialPlan.search(cfg, request.requestUri(), zone, authenticated, at);
        String alias = request.requestUri().alias();
        if (search.targets().isEmpty()) {
            // recorded before the answer, so whoever got the 404 finds the search in the history
            history.add(new SearchView(at, request.method(), zone, alias, search.tried(), "Not found", 404));
            tx.respond(404);
            return;
        }
        Target target = search.targets().get(0);
        String found = "Found " + target.requestUri() + " in " + target.zone();
        boolean mraRegister = request.method().equals("REGISTER") && isUnifiedCommunications(cfg, target.zone());
        // only a REGISTER into a UC traversal zone needs its AOR: keep the rest of the forwarding path free of it
        String aor = mraRegister ? request.to().uri().addressOfRecord().toLowerCase(Locale.ROOT) : null;
        TrackedCall call = track(tx, zone, target);
        forwarder.forward(tx, target, (status, response) -> {
            history.add(new SearchView(at, request.method(), zone, alias, search.tried(),
                    status == 482 ? "Loop detected" : found, status));
            if (mraRegister && response != null && status / 100 == 2) {
                mra.accepted(aor, response, clock.instant());
            }
            if (call != null) {
                calls.finalResponse(call, status, response);
            }
        }, calls.rewrite(call));
    }

    /** Expressway counts registrations it proxies into a Unified Communications traversal zone as MRA. */
    private static boolean isUnifiedCommunications(SipConfig cfg, String zoneName) {
        ZoneConfig z = zone(cfg, zoneName);
        return z != null && z.type() == ZoneConfig.ZoneType.UNIFIED_COMMUNICATIONS_TRAVERSAL;
    }

    /**
     * Digest check for zones whose policy is "Check credentials": true/false = authenticated or not, null = the
     * request was answered (407 or 403).
     */
    private Boolean authenticate(SipConfig cfg, ServerTransaction tx, String zone) {
        ZoneConfig z = zone(cfg, zone);
        SipMessage request = tx.request();
        List<String> credentials = request.headers(HeaderNames.PROXY_AUTHORIZATION);
        if (z == null || z.authenticationPolicy() != ZoneConfig.AuthenticationPolicy.CHECK_CREDENTIALS) {
            return Boolean.FALSE;
        }
        if (request.method().equals("ACK")) {
            return Boolean.FALSE;
        }
        DigestAuthenticator.Verdict v = digest.verify(credentials, cfg.realm(), request.method(),
                cfg.credentials()::get);
        switch (v.result()) {
            case OK -> {
                return Boolean.TRUE;
            }
            case FORBIDDEN -> {
                gate.rejected(tx);
                tx.respond(403);
            }
            default -> {
                gate.challenge(tx, 407, HeaderNames.PROXY_AUTHENTICATE,
                        digest.challenges(cfg.realm(), v.result() == DigestAuthenticator.Result.STALE));
            }
        }
        return null;
    }

    private void forwardTo(ServerTransaction tx, SipUri next, String zone) {
        try {
            Flow flow = NextHop.of(next, Transport.UDP); // RFC 3263 4.1: a sip: URI without transport means UDP
            Target target = new Target(tx.request().requestUri(), flow, null, 0, List.of());
            TrackedCall call = track(tx, zone, target);
            forwarder.forward(tx, target, (status, r) -> {
                if (call != null) {
                    calls.finalResponse(call, status, r);
                }
            }, call != null ? calls.rewrite(call) : calls.inDialogRewrite(tx.request()));
        } catch (UnknownHostException e) {
            tx.respond(Responses.to(tx.request(), 404, "Not Found - cannot resolve " + next.host()));
        }
    }

    /** A new call when the request is an initial INVITE, else null. */
    private TrackedCall track(ServerTransaction tx, String zone, Target target) {
        SipMessage request = tx.request();
        if (!request.method().equals("INVITE") || request.to().tag() != null) {
            return null;
        }
        return calls.started(tx, zone, target.zone() == null ? zone : target.zone(), target.flow(),
                () -> forwarder.cancel(tx));
    }

    /** RFC 3261 16.4: Route values naming this node are removed before routing; true if there were any. */
    private boolean popOwnRoutes(SipMessage request) {
        boolean popped = false;
        for (NameAddr r : request.nameAddrs(HeaderNames.ROUTE)) {
            if (!local.isUs(r.uri())) {
                break;
            }
            request.popHeader(HeaderNames.ROUTE);
            popped = true;
        }
        return popped;
    }

    @Override
    public void onStrayAck(SipMessage ack, Flow flow) {
        if (!calls.bridgedAck(ack)) {
            forwardAck(ack);
        }
        // only once the ACK has left is the call confirmed: a hang-up's BYE to the callee cannot overtake it
        calls.inDialog(ack);
    }

    private void forwardAck(SipMessage ack) {
        popOwnRoutes(ack);
        List<NameAddr> routes = ack.nameAddrs(HeaderNames.ROUTE);
        SipUri next = routes.isEmpty() ? ack.requestUri() : routes.get(0).uri();
        if (local.isUs(next)) {
            return;
        }
        try {
            forwarder.forwardStateless(ack, NextHop.of(next, Transport.UDP), calls.inDialogRewrite(ack));
        } catch (UnknownHostException e) {
            // an ACK gets no response; nothing to tell anyone
        }
    }

    @Override
    public void onStrayResponse(SipMessage response) {
        forwarder.forwardResponse(response);
    }

    /**
     * The zone a request came from: the traversal zone whose connection it came over, a neighbor whose peer sent
     * it, on a collaboration edge the CollaborationEdgeZone for anything else over TLS (MRA endpoints), else
     * DefaultZone.
     */
    static String sourceZone(SipConfig cfg, Flow flow, boolean collaborationEdge) {
        String tagged = zoneTag(flow);
        if (tagged != null) {
            return tagged;
        }
        for (ZoneConfig z : cfg.zones()) {
            if (z.type() != ZoneConfig.ZoneType.NEIGHBOR) {
                continue;
            }
            for (String peer : z.peers()) {
                try {
                    Flow p = NextHop.of(peer, z.port(), z.transport());
                    boolean sameHost = p.remote().getAddress().equals(flow.remote().getAddress());
                    if (sameHost && (flow.reliable() || p.remote().getPort() == flow.remote().getPort())) {
                        return z.name();
                    }
                } catch (UnknownHostException e) {
                    // unresolvable peers match nothing
                }
            }
        }
        return collaborationEdge && flow.transport() == Transport.TLS
                ? SearchRule.COLLABORATION_EDGE_ZONE : SearchRule.DEFAULT_ZONE;
    }

    private static ZoneConfig zone(SipConfig cfg, String name) {
        return cfg.zones().stream().filter(z -> z.name().equals(name)).findFirst().orElse(null);
    }
}
