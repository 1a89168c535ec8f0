package org.edgeway.web.api;

import java.time.Instant;
import java.util.List;
import org.edgeway.services.dialplan.SearchRuleView;
import org.edgeway.services.domains.DomainView;
import org.edgeway.services.sip.ActiveCall;
import org.edgeway.services.sip.AliasRow;
import org.edgeway.services.sip.MraRegistrationCounts;
import org.edgeway.services.sip.RegistrationRow;
import org.edgeway.services.sip.SearchRow;
import org.edgeway.services.sip.SipCounts;
import org.edgeway.services.sip.SipSettingsForm;
import org.edgeway.services.sip.SipSummary;

/** What the API shows of SIP: the SIP page, domains, search rules, SIP status, registrations and searches. */
public final class SipJson {

    private SipJson() {
    }

    public record Settings(boolean enabled, boolean udpEnabled, int udpPort, boolean tcpEnabled, int tcpPort,
            boolean tlsEnabled, int tlsPort, int tlsHandshakeTimeout, int registrationMinimum,
            int registrationMaximum, String digestAlgorithms) {
        static Settings of(SipSettingsForm f) {
            return new Settings(f.isEnabled(), f.isUdpEnabled(), f.getUdpPort(), f.isTcpEnabled(), f.getTcpPort(),
                    f.isTlsEnabled(), f.getTlsPort(), f.getTlsHandshakeTimeout(), f.getRegistrationMinimum(),
                    f.getRegistrationMaximum(), f.getDigestAlgorithms().name());
        }
    }

    public record Domain(long id, String name, boolean sipRegistrations, boolean sipOnUcm, boolean imAndPresence,
            boolean xmppFederation) {
        static Domain of(DomainView d) {
            return new Domain(d.id(), d.name(), d.sipRegistrations(), d.sipOnUcm(), d.imAndPresence(),
                    d.xmppFederation());
        }
    }

    /** A search rule; {@code sourceZone} null is "Any". */
    public record SearchRule(long id, String name, String description, int priority, String protocol,
            String sourceZone, boolean requireAuthenticated, String mode, String patternType, String pattern,
            String behavior, String replaceString, String onMatch, String targetZone, boolean enabled) {
        static SearchRule of(SearchRuleView r) {
            return new SearchRule(r.id(), r.name(), r.description(), r.priority(), r.protocol(), r.sourceZone(),
                    r.requireAuthenticated(), r.mode(), r.patternType(), r.pattern(), r.behavior(),
                    r.replaceString(), r.onMatch(), r.targetZone(), r.enabled());
        }
    }

    /**
     * SIP state as the engine reports it (with its counters, and an Expressway-E's MRA registrations, null on C), and
     * the configuration it was handed.
     */
    public record Status(String state, String detail, List<String> listening, int registrations, boolean sipMode,
            List<String> configuredListeners, List<String> registrarDomains, List<String> searchRules,
            int credentials, List<String> digestAlgorithms, Counters counters, MraRegistrations mraRegistrations,
            List<ActiveCall> activeCalls) {
        static Status of(SipSummary s) {
            SipCounts n = s.counters();
            MraRegistrationCounts mra = s.mraRegistrations();
            return new Status(s.state(), s.detail(), s.listeningAddresses(), s.registrations(), s.sipMode(),
                    s.configuredListeners(), s.registrarDomains(), s.searchRules(), s.credentials(),
                    s.digestAlgorithms(), new Counters(n.requestsIn(), n.responsesIn(), n.malformed(),
                            n.challenges(), n.rateLimited()),
                    mra == null ? null : new MraRegistrations(mra.current(), mra.peak()),
                    s.activeCalls());
        }
    }

    /** Messages since SIP started. */
    public record Counters(long requestsIn, long responsesIn, long malformed, long challenges, long rateLimited) {
    }

    /** Status &gt; Overview "MRA Registration: Current" and "Peak". */
    public record MraRegistrations(int current, int peak) {
    }

    public record Registration(String addressOfRecord, String contact, String transport, String sourceAddress,
            String zone, Instant registeredAt, long expiresInSeconds) {
        static Registration of(RegistrationRow r) {
            return new Registration(r.addressOfRecord(), r.contact(), r.transport(), r.sourceAddress(), r.zone(),
                    r.registeredAt(), r.expiresInSeconds());
        }
    }

    public record Alias(String addressOfRecord, List<String> contacts) {
        static Alias of(AliasRow a) {
            return new Alias(a.addressOfRecord(), a.contacts());
        }
    }

    public record Search(Instant at, String method, String sourceZone, String alias, List<String> rulesTried,
            String result, int status) {
        static Search of(SearchRow s) {
            return new Search(s.at(), s.method(), s.sourceZone(), s.alias(), s.rulesTried(), s.result(),
                    s.status());
        }
    }
}
