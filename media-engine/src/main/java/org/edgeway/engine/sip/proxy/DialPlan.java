package org.edgeway.engine.sip.proxy;

import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.edgeway.engine.sip.SipConfig;
import org.edgeway.engine.sip.message.SipParseException;
import org.edgeway.engine.sip.message.SipUri;
import org.edgeway.engine.sip.registrar.Binding;
import org.edgeway.engine.sip.registrar.BindingTable;
import org.edgeway.engine.sip.transport.Flow;
import org.edgeway.engine.zones.AliasTransform;
import org.edgeway.engine.zones.SearchRule;
import org.edgeway.engine.zones.ZoneConfig;

/**
 * Walks the search rules for an alias: enabled rules in priority order (then id), each filtered by source zone
 * and "request must be authenticated", matched and transformed by {@link AliasTransform}, and looked up in its
 * target (local registrations, or a neighbor zone's peers). "Stop" ends the walk at a matching rule; "continue"
 * goes on to the next.
 */
final class DialPlan {

    private final BindingTable bindings;
    private final java.util.function.Function<String, Flow> traversalFlows;

    /** @param traversalFlows the connection of a traversal zone by name, null while the zone is not Active */
    DialPlan(BindingTable bindings, java.util.function.Function<String, Flow> traversalFlows) {
        this.bindings = bindings;
        this.traversalFlows = traversalFlows;
    }

    Search search(SipConfig config, SipUri requestUri, String sourceZone, boolean authenticated, Instant now) {
        String alias = requestUri.alias();
        List<Target> targets = new ArrayList<>();
        List<String> tried = new ArrayList<>();
        List<SearchRule> rules = config.searchRules().stream().filter(SearchRule::enabled)
                .sorted(Comparator.comparingInt(SearchRule::priority).thenComparingInt(SearchRule::id)).toList();
        for (SearchRule rule : rules) {
            if (rule.sourceZone() != null && !rule.sourceZone().equalsIgnoreCase(sourceZone)) {
                tried.add(rule.name() + ": source zone is not " + rule.sourceZone());
                continue;
            }
            if (rule.requireAuthenticated() && !authenticated) {
                tried.add(rule.name() + ": request not authenticated");
                continue;
            }
            String candidate = AliasTransform.apply(rule, alias);
            if (candidate == null) {
                tried.add(rule.name() + ": no match");
                continue;
            }
            List<Target> found = lookup(config, rule.targetZone(), requestUri, candidate, now);
            tried.add(rule.name() + ": " + candidate + (found.isEmpty() ? " not found in " : " found in ")
                    + rule.targetZone());
            targets.addAll(found);
            if (rule.onMatch() == SearchRule.OnMatch.STOP) {
                break;
            }
        }
        return new Search(targets, tried);
    }

    private List<Target> lookup(SipConfig config, String zoneName, SipUri original, String alias, Instant now) {
        if (zoneName.equalsIgnoreCase(SearchRule.LOCAL_ZONE)) {
            String aor = (original.scheme().equals("sips") ? "sips:" : "sip:") + alias.toLowerCase(Locale.ROOT);
            List<Target> targets = new ArrayList<>();
            for (Binding b : bindings.lookup(aor, now)) {
                targets.add(toBinding(b));
            }
            return targets;
        }
        for (ZoneConfig zone : config.zones()) {
            if (zone.name().equalsIgnoreCase(zoneName) && zone.sipEnabled()) {
                return zone.type() == ZoneConfig.ZoneType.NEIGHBOR ? toNeighbor(zone, original, alias)
                        : toTraversal(zone, original, alias);
            }
        }
        return List.of();
    }

    private Target toBinding(Binding b) {
        Flow flow = b.flow();
        if (flow.channel() != null && !flow.channel().isActive()) {
            Flow link = traversalFlows.apply(b.zone()); // registered through a traversal link since reconnected
            flow = link != null ? link : flow;
        }
        return new Target(b.contact(), flow, SearchRule.LOCAL_ZONE, 0, b.path());
    }

    /** Down the traversal zone's connection, while it is Active. */
    private List<Target> toTraversal(ZoneConfig zone, SipUri original, String alias) {
        Flow flow = traversalFlows.apply(zone.name());
        if (flow == null) {
            return List.of();
        }
        try {
            String text = original.scheme() + ":" + (alias.contains("@") ? alias : alias + "@" + original.host());
            return List.of(new Target(SipUri.parse(text), flow, zone.name(), zone.hopCount(), List.of()));
        } catch (SipParseException e) {
            return List.of();
        }
    }

    /** Each peer of the neighbor, in order; the Request-URI keeps the alias with the peer's host if it has none. */
    private static List<Target> toNeighbor(ZoneConfig zone, SipUri original, String alias) {
        List<Target> targets = new ArrayList<>();
        for (String peer : zone.peers()) {
            try {
                Flow flow = NextHop.of(peer, zone.port(), zone.transport());
                String text = original.scheme() + ":" + (alias.contains("@") ? alias : alias + "@" + peer);
                targets.add(new Target(SipUri.parse(text), flow, zone.name(), zone.hopCount(), List.of()));
            } catch (UnknownHostException | SipParseException e) {
                // an unresolvable peer or an alias that no longer forms a URI is skipped: the next peer may do
            }
        }
        return targets;
    }
}
