package org.edgeway.services.sip;

import java.io.Serializable;
import java.util.List;

/**
 * SIP at a glance (Status &gt; Overview, Status &gt; Registrations): what the engine reports (state, listeners,
 * registrations, counters, and on an Expressway-E the MRA registrations; null on C), and what it was handed (SIP
 * mode, listeners, registrar domains, search rules in priority order, number of credentials, digest algorithms
 * offered, most preferred first).
 */
public record SipSummary(String state, String detail, List<String> listeningAddresses, int registrations,
        boolean sipMode, List<String> configuredListeners, List<String> registrarDomains, List<String> searchRules,
        int credentials, List<String> digestAlgorithms, SipCounts counters, MraRegistrationCounts mraRegistrations,
        List<ActiveCall> activeCalls) implements Serializable {

    public String getState() {
        return state;
    }

    public String getDetail() {
        return detail;
    }

    public String getListening() {
        return listeningAddresses.isEmpty() ? "None" : String.join(", ", listeningAddresses);
    }

    public int getRegistrations() {
        return registrations;
    }

    public String getSipModeText() {
        return sipMode ? "On" : "Off";
    }

    public String getConfiguredListenersText() {
        return String.join(", ", configuredListeners);
    }

    public String getDigestAlgorithmsText() {
        return String.join(", ", digestAlgorithms);
    }

    /** Null on an Expressway-C, which shows no MRA registrations. */
    public MraRegistrationCounts getMraRegistrations() {
        return mraRegistrations;
    }

    public String getRegistrarDomainsText() {
        return registrarDomains.isEmpty() ? "None" : String.join(", ", registrarDomains);
    }
}
