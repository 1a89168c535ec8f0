package org.edgeway.services.domains;

import java.io.Serializable;

/** A domain as Configuration &gt; Domains lists it. */
public record DomainView(long id, String name, boolean sipRegistrations, boolean sipOnUcm, boolean imAndPresence,
        boolean xmppFederation) implements Serializable {

    public long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public boolean isSipRegistrations() {
        return sipRegistrations;
    }

    public boolean isSipOnUcm() {
        return sipOnUcm;
    }

    public boolean isImAndPresence() {
        return imAndPresence;
    }

    public boolean isXmppFederation() {
        return xmppFederation;
    }
}
