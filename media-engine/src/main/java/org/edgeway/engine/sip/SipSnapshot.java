package org.edgeway.engine.sip;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.edgeway.engine.EngineState;

/**
 * The SIP part of the engine snapshot: what Status &gt; Registrations, Status &gt; Zones and Status &gt; Search
 * history show, and the SIP lines of Status &gt; Overview.
 *
 * @param state              Active when SIP runs
 * @param detail             why it is inactive, or a summary
 * @param listeningAddresses "UDP 0.0.0.0:5060", "TCP 0.0.0.0:5060", "TLS 0.0.0.0:5061", "TLS 0.0.0.0:7001 (zone 2)"
 * @param registrations      one row per binding (address of record, contact)
 * @param zones              one row per configured zone
 * @param searches           the most recent searches, newest first (bounded)
 * @param counters           service-wide counters since SIP started
 * @param mraRegistrations   registrations proxied into a Unified Communications traversal zone (E)
 */
public record SipSnapshot(EngineState state, String detail, List<String> listeningAddresses,
        List<RegistrationView> registrations, List<ZoneStatus> zones, List<SearchView> searches, Counters counters,
        MraRegistrationCount mraRegistrations) {

    public SipSnapshot {
        listeningAddresses = List.copyOf(listeningAddresses);
        registrations = List.copyOf(registrations);
        zones = List.copyOf(zones);
        searches = List.copyOf(searches);
    }

    public static SipSnapshot inactive(String detail) {
        return new SipSnapshot(EngineState.STOPPED, detail, List.of(), List.of(), List.of(), List.of(),
                Counters.ZERO, MraRegistrationCount.ZERO);
    }

    /** This snapshot with these MRA registration counts (they outlive a restart of the listeners). */
    public SipSnapshot withMraRegistrations(MraRegistrationCount count) {
        return new SipSnapshot(state, detail, listeningAddresses, registrations, zones, searches, counters, count);
    }

    /**
     * One registration binding.
     *
     * @param addressOfRecord "sip:alice@example.com"
     * @param contact         the Contact URI as registered
     * @param transport       "UDP", "TCP" or "TLS"
     * @param sourceAddress   where the REGISTER came from, "ip:port"
     * @param zone            the zone it arrived through ("DefaultZone", or a traversal zone's name on C)
     * @param registeredAt    first registration of this binding
     * @param expiresIn       time left
     */
    public record RegistrationView(String addressOfRecord, String contact, String transport, String sourceAddress,
            String zone, Instant registeredAt, Duration expiresIn) {
    }

    /**
     * Status of one zone.
     *
     * @param id       zone number
     * @param name     zone name
     * @param type     zone type name
     * @param state    "Active", "Failed", "Checking" or "Off"
     * @param reason   why it is not Active ("Authentication failed", "Connection refused", "TLS verify failed ...")
     * @param peer     the peer address it is connected to or tries, "host:port", or null
     * @param since    when it entered this state
     */
    public record ZoneStatus(int id, String name, String type, String state, String reason, String peer,
            Instant since) {
    }

    /**
     * One search through the dial plan.
     *
     * @param at          when
     * @param method      request method (INVITE, REGISTER, OPTIONS ...)
     * @param sourceZone  zone the request came from
     * @param alias       the alias searched (Request-URI)
     * @param rulesTried  names of the rules tried, in order, with their outcome ("rule1: no match")
     * @param result      "Found" with the target, or the failure ("Not found", "Loop detected")
     * @param status      final SIP status code of the search (200, 404, 483 ...)
     */
    public record SearchView(Instant at, String method, String sourceZone, String alias, List<String> rulesTried,
            String result, int status) {
        public SearchView {
            rulesTried = List.copyOf(rulesTried);
        }
    }

    /**
     * Counters since SIP started.
     *
     * @param requestsIn   requests received
     * @param responsesIn  responses received
     * @param malformed    messages answered 400 or dropped as unparseable
     * @param challenges   401/407 sent
     * @param rateLimited  requests dropped by the per-source challenge limit
     */
    public record Counters(long requestsIn, long responsesIn, long malformed, long challenges, long rateLimited) {
        public static final Counters ZERO = new Counters(0, 0, 0, 0, 0);
    }

    /**
     * MRA registrations (Status &gt; Overview on E): registrations this node proxied into a Unified Communications
     * traversal zone that the registrar accepted, by address of record and contact.
     *
     * @param current unexpired now
     * @param peak    the most at once since the node started
     */
    public record MraRegistrationCount(int current, int peak) {
        public static final MraRegistrationCount ZERO = new MraRegistrationCount(0, 0);
    }
}
