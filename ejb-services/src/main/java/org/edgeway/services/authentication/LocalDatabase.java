package org.edgeway.services.authentication;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.edgeway.persistence.authentication.LocalCredential;
import org.edgeway.services.configlog.Changes;
import org.edgeway.services.configlog.ConfigurationLog;
import org.edgeway.services.security.Caller;
import org.edgeway.services.security.SecretBox;
import org.edgeway.services.system.SettingsChanged;
import org.edgeway.services.validation.InvalidSettingsException;

/**
 * Configuration &gt; Authentication &gt; Devices &gt; Local database: the credentials TURN clients (and traversal
 * clients) use. Passwords are write-only for administrators; the engine receives them in its configuration.
 */
@Stateless
public class LocalDatabase {

    public static final String PAGE = "Configuration > Authentication > Devices > Local database";

    @PersistenceContext
    private EntityManager em;
    @Inject
    private Caller caller;
    @Inject
    private ConfigurationLog configurationLog;
    @Inject
    private SecretBox secrets;
    @Inject
    private Event<SettingsChanged> settingsChanged;

    public List<CredentialView> list() {
        return em.createNamedQuery(LocalCredential.ALL, LocalCredential.class).getResultList().stream()
                .map(c -> new CredentialView(c.getId(), c.getName(), c.getCreatedAt())).toList();
    }

    public Optional<CredentialForm> form(long id) {
        LocalCredential c = em.find(LocalCredential.class, id);
        if (c == null) {
            return Optional.empty();
        }
        CredentialForm f = new CredentialForm();
        f.setId(c.getId());
        f.setName(c.getName());
        return Optional.of(f);
    }

    /** Creates (no id) or updates a credential; returns its id. */
    public long save(@NotNull @Valid CredentialForm form) {
        caller.requireWrite();
        InvalidSettingsException.Collector errors = new InvalidSettingsException.Collector();
        LocalCredential existing = form.getId() == null ? null : em.find(LocalCredential.class, form.getId());
        if (form.getId() != null && existing == null) {
            errors.reject("name", "this credential no longer exists").throwIfAny();
        }
        em.createNamedQuery(LocalCredential.BY_NAME, LocalCredential.class).setParameter("name", form.getName())
                .getResultStream().filter(c -> existing == null || !c.getId().equals(existing.getId())).findFirst()
                .ifPresent(c -> errors.reject("name", "a credential with this name already exists"));
        if (existing == null && form.getPassword() == null) {
            errors.reject("password", "is required");
        }
        errors.throwIfAny();

        Changes changes = new Changes(PAGE);
        LocalCredential c = existing;
        if (c == null) {
            c = new LocalCredential(form.getName(), secrets.encrypt(form.getPassword()));
            em.persist(c);
            changes.compare("Credential " + form.getName(), null, "created");
        } else {
            changes.compare("Credential " + c.getName() + " name", c.getName(), form.getName());
            c.setName(form.getName());
            if (form.getPassword() != null) {
                changes.compareSecret("Credential " + form.getName() + " password", "old", "new");
                c.setPasswordEncrypted(secrets.encrypt(form.getPassword()));
            }
        }
        em.flush();
        if (!changes.isEmpty()) {
            configurationLog.record(changes);
            settingsChanged.fire(new SettingsChanged(PAGE));
        }
        return c.getId();
    }

    public void delete(List<Long> ids) {
        caller.requireWrite();
        Changes changes = new Changes(PAGE);
        for (Long id : ids) {
            LocalCredential c = em.find(LocalCredential.class, id);
            if (c != null) {
                em.remove(c);
                changes.compare("Credential " + c.getName(), "present", "deleted");
            }
        }
        if (!changes.isEmpty()) {
            configurationLog.record(changes);
            settingsChanged.fire(new SettingsChanged(PAGE));
        }
    }

    /** Name to password, for the engine's configuration only. */
    public Map<String, String> passwordsForEngine() {
        Map<String, String> result = new LinkedHashMap<>();
        for (LocalCredential c : em.createNamedQuery(LocalCredential.ALL, LocalCredential.class).getResultList()) {
            result.put(c.getName(), secrets.decrypt(c.getPasswordEncrypted()));
        }
        return result;
    }
}
