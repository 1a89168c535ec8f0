package org.edgeway.services.sip;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.edgeway.engine.EngineConfig;
import org.edgeway.engine.EngineState;
import org.edgeway.engine.NodeRole;
import org.edgeway.engine.calls.CallControl;
import org.edgeway.engine.sip.SipConfig;
import org.edgeway.engine.sip.SipService;
import org.edgeway.engine.sip.SipSnapshot;
import org.edgeway.engine.sip.auth.DigestAlgorithm;
import org.edgeway.engine.zones.SearchRule;
import org.edgeway.services.engine.EngineLifecycle;
import org.edgeway.services.security.Caller;

/**
 * Status &gt; Registrations, Status &gt; Search history and the SIP lines of Status &gt; Overview, read from the
 * engine's SIP snapshot (inactive and empty while SIP does not run) and the SIP configuration it was handed. MRA
 * registrations are an Expressway-E's (seed 001: Overview shows them on E only).
 */
@Stateless
public class SipStatus {

    @Inject
    private EngineLifecycle engine;
    @Inject
    private Caller caller;

    public SipSummary summary() {
        SipSnapshot s = snapshot();
        EngineConfig applied = engine.appliedConfig();
        SipConfig c = applied == null ? SipService.KEY.defaults() : applied.service(SipService.KEY);
        List<String> listeners = List.of(listener("UDP", c.udp()), listener("TCP", c.tcp()), listener("TLS", c.tls()));
        SipSnapshot.Counters n = s.counters();
        boolean edge = applied != null && applied.role() == NodeRole.EXPRESSWAY_E;
        return new SipSummary(s.state().label(), s.detail(), s.listeningAddresses(), s.registrations().size(),
                c.enabled(), listeners,
                c.domains().stream().filter(SipConfig.SipDomain::registrations).map(SipConfig.SipDomain::name).toList(),
                c.searchRules().stream().map(SearchRule::name).toList(), c.credentials().size(),
                c.digestAlgorithms().stream().map(DigestAlgorithm::token).toList(),
                new SipCounts(n.requestsIn(), n.responsesIn(), n.malformed(), n.challenges(), n.rateLimited()),
                edge ? new MraRegistrationCounts(s.mraRegistrations().current(), s.mraRegistrations().peak()) : null,
                activeCalls(s));
    }

    /** The calls now going through the node (none while SIP does not run). */
    private List<ActiveCall> activeCalls(SipSnapshot s) {
        if (s.state() != EngineState.RUNNING) {
            return List.of();
        }
        return engine.service(CallControl.class).activeCalls().stream().map(ActiveCall::of).toList();
    }

    /** By device: one row per binding. */
    public List<RegistrationRow> registrations() {
        return snapshot().registrations().stream().map(RegistrationRow::of).toList();
    }

    /** By alias: one row per address of record with its contacts. */
    public List<AliasRow> registrationsByAlias() {
        Map<String, List<String>> byAlias = new LinkedHashMap<>();
        for (SipSnapshot.RegistrationView r : snapshot().registrations()) {
            byAlias.computeIfAbsent(r.addressOfRecord(), a -> new ArrayList<>()).add(r.contact());
        }
        return byAlias.entrySet().stream().map(e -> new AliasRow(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    /** The most recent searches, newest first. */
    public List<SearchRow> searches() {
        return snapshot().searches().stream().map(SearchRow::of).toList();
    }

    /** Removes the bindings of these addresses of record (the engine's registrar does the work). */
    public void unregister(List<String> addressesOfRecord) {
        caller.requireWrite();
        if (snapshot().state() != EngineState.RUNNING) {
            throw new SipUnavailableException("SIP is not running");
        }
        if (addressesOfRecord.isEmpty()) {
            return;
        }
        try {
            engine.service(SipService.class).unregister(addressesOfRecord);
        } catch (IllegalStateException e) {
            throw new SipUnavailableException("SIP is not running");
        }
    }

    private SipSnapshot snapshot() {
        return engine.snapshot().service(SipService.KEY);
    }

    private static String listener(String transport, SipConfig.Listener l) {
        return transport + " " + (l.on() ? "On " + l.port() : "Off");
    }
}
