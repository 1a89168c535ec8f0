package org.edgeway.services.configlog;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.edgeway.persistence.configlog.ConfigLogEntry;
import org.edgeway.services.security.Caller;
import org.edgeway.services.system.SettingsChanged;

/** Status > Logs > Configuration log: records each change in the caller's transaction, and reads them back. */
@Stateless
public class ConfigurationLog {

    private static final Logger LOG = Logger.getLogger(ConfigurationLog.class.getName());

    @PersistenceContext
    private EntityManager em;
    @Inject
    private Caller caller;
    @Inject
    private Event<SettingsChanged> settingsChanged;

    public void record(Changes changes) {
        Instant now = Instant.now();
        for (Changes.Change c : changes.list()) {
            em.persist(new ConfigLogEntry(now, caller.name(), caller.source(), c.setting(), c.oldValue(), c.newValue()));
            LOG.info(() -> "config change by " + caller.name() + ": " + c.setting() + " '" + c.oldValue() + "' -> '"
                    + c.newValue() + "'");
        }
    }

    /**
     * Records a save's changes, if any, and tells the engine lifecycle to hand the engine a new configuration once
     * the transaction commits.
     */
    public void recordForEngine(Changes changes) {
        if (!changes.isEmpty()) {
            record(changes);
            settingsChanged.fire(new SettingsChanged(changes.page()));
        }
    }

    /** Newest first, one page. */
    public List<ConfigLogLine> page(int first, int size) {
        return em.createNamedQuery(ConfigLogEntry.NEWEST_FIRST, ConfigLogEntry.class)
                .setFirstResult(first).setMaxResults(size).getResultList().stream()
                .map(e -> new ConfigLogLine(e.getId(), e.getChangedAt(), e.getChangedBy(), e.getSource(),
                        e.getSetting(), e.getOldValue(), e.getNewValue()))
                .toList();
    }

    public long count() {
        return em.createNamedQuery(ConfigLogEntry.COUNT, Long.class).getSingleResult();
    }
}
