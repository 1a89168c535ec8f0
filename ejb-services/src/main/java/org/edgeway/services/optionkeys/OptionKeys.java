package org.edgeway.services.optionkeys;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.edgeway.persistence.options.OptionKey;
import org.edgeway.services.configlog.Changes;
import org.edgeway.services.configlog.ConfigurationLog;
import org.edgeway.services.security.Caller;
import org.edgeway.services.validation.InvalidSettingsException;

/**
 * Maintenance &gt; Option keys (P48): Add option ("The key appears in the list at the top of the page"), the list,
 * Delete. Edgeway is an open product: keys are recorded, checked for their shape, and unlock nothing, so the
 * preconditions the seeds tie to keys (HSM, Advanced Networking) are always met.
 */
@Stateless
public class OptionKeys {

    public static final String PAGE = "Maintenance > Option keys";
    /** The field the page and the API name in errors. */
    public static final String FIELD = "key";
    public static final String ACTIVE = "Active";

    @PersistenceContext
    private EntityManager em;
    @Inject
    private Caller caller;
    @Inject
    private ConfigurationLog configurationLog;

    public List<OptionKeyView> list() {
        return em.createNamedQuery(OptionKey.ALL, OptionKey.class).getResultList().stream()
                .map(k -> new OptionKeyView(k.getId(), k.getKey(), k.getDescription(), ACTIVE, k.getAddedAt(),
                        k.getAddedBy()))
                .toList();
    }

    /** Adds a key; returns its row. A key without the shape, or one already added, is refused naming the field. */
    public OptionKeyView add(String entered) {
        caller.requireWrite();
        String key = OptionKeyFormat.normalize(entered).orElseThrow(() -> invalid(entered == null
                || entered.isBlank() ? "is required" : OptionKeyFormat.MESSAGE));
        if (!em.createNamedQuery(OptionKey.BY_KEY, OptionKey.class).setParameter("key", key).getResultList().isEmpty()) {
            throw invalid("is already in the list");
        }
        OptionKey k = new OptionKey(key, OptionKeyFormat.description(key), Instant.now(), caller.name());
        em.persist(k);
        em.flush();
        configurationLog.record(new Changes(PAGE).compare("Option key " + key, null, "added ("
                + k.getDescription() + ")"));
        return new OptionKeyView(k.getId(), key, k.getDescription(), ACTIVE, k.getAddedAt(), k.getAddedBy());
    }

    public void delete(List<Long> ids) {
        caller.requireWrite();
        Changes changes = new Changes(PAGE);
        for (Long id : ids) {
            OptionKey k = em.find(OptionKey.class, id);
            if (k != null) {
                em.remove(k);
                changes.compare("Option key " + k.getKey(), "present", "deleted");
            }
        }
        configurationLog.record(changes);
    }

    /** The seeds' key preconditions, met without a key. */
    public List<OptionPrecondition> preconditions() {
        String open = "Met: Edgeway is an open product, no option key is needed";
        return List.of(new OptionPrecondition("HSM", true, open),
                new OptionPrecondition("Advanced Networking", true, open),
                new OptionPrecondition("TURN Relays", true, open + " (none since X8.11)"),
                new OptionPrecondition("Rich Media Sessions", true, open));
    }

    private static InvalidSettingsException invalid(String message) {
        return new InvalidSettingsException(Map.of(FIELD, message));
    }
}
