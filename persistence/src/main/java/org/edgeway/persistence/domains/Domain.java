package org.edgeway.persistence.domains;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A domain of Configuration &gt; Domains (P28): its name (lower case, unique) and the four service toggles. */
@Entity
@Table(name = "sip_domain")
@NamedQuery(name = Domain.ALL, query = "select d from Domain d order by d.name")
@NamedQuery(name = Domain.BY_NAME, query = "select d from Domain d where d.name = :name")
public class Domain {

    public static final String ALL = "Domain.all";
    public static final String BY_NAME = "Domain.byName";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, unique = true)
    private String name;
    @Column(name = "sip_registrations", nullable = false)
    private boolean sipRegistrations;
    @Column(name = "sip_on_ucm", nullable = false)
    private boolean sipOnUcm;
    @Column(name = "im_and_presence", nullable = false)
    private boolean imAndPresence;
    @Column(name = "xmpp_federation", nullable = false)
    private boolean xmppFederation;
    @Version
    private long version;

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public boolean isSipRegistrations() {
        return sipRegistrations;
    }

    public void setSipRegistrations(boolean sipRegistrations) {
        this.sipRegistrations = sipRegistrations;
    }

    public boolean isSipOnUcm() {
        return sipOnUcm;
    }

    public void setSipOnUcm(boolean sipOnUcm) {
        this.sipOnUcm = sipOnUcm;
    }

    public boolean isImAndPresence() {
        return imAndPresence;
    }

    public void setImAndPresence(boolean imAndPresence) {
        this.imAndPresence = imAndPresence;
    }

    public boolean isXmppFederation() {
        return xmppFederation;
    }

    public void setXmppFederation(boolean xmppFederation) {
        this.xmppFederation = xmppFederation;
    }
}
