package org.edgeway.services.domains;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Optional;
import org.edgeway.engine.sip.SipConfig;
import org.edgeway.persistence.domains.Domain;
import org.edgeway.services.configlog.Changes;
import org.edgeway.services.configlog.ConfigurationLog;
import org.edgeway.services.security.Caller;
import org.edgeway.services.validation.InvalidSettingsException;

/** Configuration &gt; Domains (P28): the SIP domains of this node and the services each one has. */
@Stateless
public class Domains {

    public static final String PAGE = "Configuration > Domains";
    /** The seed recommends no more than 75 domains; Edgeway enforces it. */
    public static final int MAX_DOMAINS = 75;

    @PersistenceContext
    private EntityManager em;
    @Inject
    private Caller caller;
    @Inject
    private ConfigurationLog configurationLog;

    public List<DomainView> list() {
        return all().stream().map(d -> new DomainView(d.getId(), d.getName(), d.isSipRegistrations(),
                d.isSipOnUcm(), d.isImAndPresence(), d.isXmppFederation())).toList();
    }

    public Optional<DomainForm> form(long id) {
        Domain d = em.find(Domain.class, id);
        if (d == null) {
            return Optional.empty();
        }
        DomainForm f = DomainSettingList.SETTINGS.toForm(d, new DomainForm());
        f.setId(d.getId());
        return Optional.of(f);
    }

    /** Creates (no id) or updates a domain; returns its id. */
    public long save(@NotNull @Valid DomainForm form) {
        caller.requireWrite();
        InvalidSettingsException.Collector errors = new InvalidSettingsException.Collector();
        Domain existing = form.getId() == null ? null : em.find(Domain.class, form.getId());
        if (form.getId() != null && existing == null) {
            errors.reject("name", "this domain no longer exists").throwIfAny();
        }
        em.createNamedQuery(Domain.BY_NAME, Domain.class).setParameter("name", form.getName()).getResultStream()
                .filter(d -> existing == null || !d.getId().equals(existing.getId())).findFirst()
                .ifPresent(d -> errors.reject("name", "a domain with this name already exists"));
        if (existing == null && all().size() >= MAX_DOMAINS) {
            errors.reject("name", "no more than " + MAX_DOMAINS + " domains can be configured: delete one first");
        }
        errors.throwIfAny();

        Domain d = existing == null ? new Domain() : existing;
        Changes changes = DomainSettingList.SETTINGS.store(form, d, existing == null, "Domain",
                new Changes(PAGE + " > " + (existing == null ? form.getName() : existing.getName())));
        if (existing == null) {
            em.persist(d);
        }
        em.flush();
        configurationLog.recordForEngine(changes);
        return d.getId();
    }

    public void delete(List<Long> ids) {
        caller.requireWrite();
        Changes changes = new Changes(PAGE);
        for (Long id : ids) {
            Domain d = em.find(Domain.class, id);
            if (d != null) {
                em.remove(d);
                changes.compare("Domain " + d.getName(), "present", "deleted");
            }
        }
        configurationLog.recordForEngine(changes);
    }

    /** The domains as the engine takes them: the registrar acts for those with registrations on Expressway. */
    public List<SipConfig.SipDomain> forEngine() {
        return all().stream().map(d -> new SipConfig.SipDomain(d.getName(), d.isSipRegistrations())).toList();
    }

    private List<Domain> all() {
        return em.createNamedQuery(Domain.ALL, Domain.class).getResultList();
    }
}
