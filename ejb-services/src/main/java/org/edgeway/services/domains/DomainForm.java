package org.edgeway.services.domains;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.Locale;
import org.edgeway.services.validation.DomainName;

/** New / edit domain (P28), with the seed's defaults for the four service toggles. */
public class DomainForm implements Serializable {

    private Long id;
    @NotBlank
    @Size(max = 253, message = "must be at most 253 characters")
    @DomainName
    private String name;
    private boolean sipRegistrations;
    private boolean sipOnUcm = true;
    private boolean imAndPresence = true;
    private boolean xmppFederation;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    /** Lower case: DNS names compare without case, and the engine matches request domains in lower case. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? null : name.trim().toLowerCase(Locale.ROOT);
    }

    /** "SIP registrations and provisioning on Expressway": this node is the registrar for the domain. */
    public boolean isSipRegistrations() {
        return sipRegistrations;
    }

    public void setSipRegistrations(boolean sipRegistrations) {
        this.sipRegistrations = sipRegistrations;
    }

    /** "SIP registrations and provisioning on Unified CM". */
    public boolean isSipOnUcm() {
        return sipOnUcm;
    }

    public void setSipOnUcm(boolean sipOnUcm) {
        this.sipOnUcm = sipOnUcm;
    }

    /** "IM and Presence Service". */
    public boolean isImAndPresence() {
        return imAndPresence;
    }

    public void setImAndPresence(boolean imAndPresence) {
        this.imAndPresence = imAndPresence;
    }

    /** "XMPP federation". */
    public boolean isXmppFederation() {
        return xmppFederation;
    }

    public void setXmppFederation(boolean xmppFederation) {
        this.xmppFederation = xmppFederation;
    }
}
