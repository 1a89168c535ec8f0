package org.edgeway.services.alarms;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.edgeway.persistence.alarms.Alarm;
import org.edgeway.services.security.Caller;

/**
 * Status > Alarms. The product raises and lowers alarms by condition code (engine failures, restart needed ...);
 * administrators acknowledge them. Raising an open code again only updates its last-raised time and count.
 */
@Stateless
public class Alarms {

    private static final Logger LOG = Logger.getLogger(Alarms.class.getName());

    @PersistenceContext
    private EntityManager em;
    @Inject
    private Caller caller;

    public void raise(String code, String severity, String title, String action) {
        Instant now = Instant.now();
        em.createNamedQuery(Alarm.OPEN_BY_CODE, Alarm.class).setParameter("code", code).getResultStream().findFirst()
                .ifPresentOrElse(a -> a.raisedAgain(now), () -> {
                    em.persist(new Alarm(code, severity, title, action, now));
                    LOG.warning(() -> "Alarm raised: " + code + " (" + severity + ") " + title);
                });
    }

    public void lower(String code) {
        em.createNamedQuery(Alarm.OPEN_BY_CODE, Alarm.class).setParameter("code", code).getResultList()
                .forEach(a -> a.lower(Instant.now()));
    }

    public void acknowledge(List<Long> ids) {
        caller.requireWrite();
        for (Long id : ids) {
            Alarm a = em.find(Alarm.class, id);
            if (a != null) {
                a.acknowledge(caller.name(), Instant.now());
            }
        }
    }

    public List<AlarmView> list() {
        return em.createNamedQuery(Alarm.ALL, Alarm.class).setMaxResults(10_000).getResultList().stream()
                .map(Alarms::view).toList();
    }

    private static AlarmView view(Alarm a) {
        return new AlarmView(a.getId(), a.getCode(), a.getSeverity(), a.getTitle(), a.getAction(), a.getState(),
                a.getFirstRaisedAt(), a.getLastRaisedAt(), a.getRaiseCount(), a.getAcknowledgedBy());
    }

    /** The alarms not yet lowered whose code starts with {@code prefix} (e.g. {@code restart.}), newest first. */
    public List<AlarmView> openWithCodePrefix(String prefix) {
        return em.createNamedQuery(Alarm.OPEN_BY_CODE_PREFIX, Alarm.class).setParameter("prefix", prefix + "%")
                .getResultList().stream().map(Alarms::view).toList();
    }

    /** Alarms not yet lowered (raised or acknowledged). */
    public long openCount() {
        return em.createNamedQuery(Alarm.COUNT_OPEN, Long.class).getSingleResult();
    }
}
