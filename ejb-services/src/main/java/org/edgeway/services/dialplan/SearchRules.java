package org.edgeway.services.dialplan;

import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.edgeway.engine.zones.SearchRule;
import org.edgeway.persistence.dialplan.SearchRuleEntry;
import org.edgeway.services.configlog.Changes;
import org.edgeway.services.configlog.ConfigurationLog;
import org.edgeway.services.security.Caller;
import org.edgeway.services.validation.InvalidSettingsException;

/** Configuration &gt; Dial plan &gt; Search rules: the rules in priority order, and the engine's copy of them. */
@Stateless
public class SearchRules {

    public static final String PAGE = "Configuration > Dial plan > Search rules";

    @PersistenceContext
    private EntityManager em;
    @Inject
    private Caller caller;
    @Inject
    private ConfigurationLog configurationLog;
    @Inject
    private Instance<ZoneNames> zoneNames;

    /** Lowest priority number first, as they are tried. */
    public List<SearchRuleView> list() {
        return all().stream().map(SearchRules::view).toList();
    }

    public Optional<SearchRuleView> view(long id) {
        return Optional.ofNullable(em.find(SearchRuleEntry.class, id)).map(SearchRules::view);
    }

    public Optional<SearchRuleForm> form(long id) {
        SearchRuleEntry r = em.find(SearchRuleEntry.class, id);
        if (r == null) {
            return Optional.empty();
        }
        SearchRuleForm f = SearchRuleSettingList.SETTINGS.toForm(r, new SearchRuleForm());
        f.setId(r.getId());
        return Optional.of(f);
    }

    /** The zones a rule may name as source or target: LocalZone, DefaultZone and every configured zone. */
    public List<String> zones() {
        Set<String> names = new LinkedHashSet<>(List.of(SearchRule.LOCAL_ZONE, SearchRule.DEFAULT_ZONE));
        zoneNames.forEach(z -> names.addAll(z.names()));
        return List.copyOf(names);
    }

    /** Creates (no id) or updates a rule; returns its id. */
    public long save(@NotNull @Valid SearchRuleForm form) {
        caller.requireWrite();
        InvalidSettingsException.Collector errors = new InvalidSettingsException.Collector();
        SearchRuleEntry existing = form.getId() == null ? null : em.find(SearchRuleEntry.class, form.getId());
        if (form.getId() != null && existing == null) {
            errors.reject("name", "this search rule no longer exists").throwIfAny();
        }
        em.createNamedQuery(SearchRuleEntry.BY_NAME, SearchRuleEntry.class).setParameter("name", form.getName())
                .getResultStream().filter(r -> existing == null || !r.getId().equals(existing.getId())).findFirst()
                .ifPresent(r -> errors.reject("name", "a search rule with this name already exists"));
        SearchRuleRules.check(form, zones(), errors);
        errors.throwIfAny();

        SearchRuleEntry r = existing == null ? new SearchRuleEntry() : existing;
        Changes changes = SearchRuleSettingList.SETTINGS.store(form, r, existing == null, "Search rule",
                new Changes(PAGE + " > " + (existing == null ? form.getName() : existing.getName())));
        if (existing == null) {
            em.persist(r);
        }
        em.flush();
        configurationLog.recordForEngine(changes);
        return r.getId();
    }

    /** Enable or Disable on the list page. */
    public void setEnabled(List<Long> ids, boolean enabled) {
        caller.requireWrite();
        Changes changes = new Changes(PAGE);
        for (SearchRuleEntry r : find(ids)) {
            changes.compare(r.getName() + " state", r.isEnabled() ? "Enabled" : "Disabled",
                    enabled ? "Enabled" : "Disabled");
            r.setEnabled(enabled);
        }
        configurationLog.recordForEngine(changes);
    }

    public void delete(List<Long> ids) {
        caller.requireWrite();
        Changes changes = new Changes(PAGE);
        for (SearchRuleEntry r : find(ids)) {
            em.remove(r);
            changes.compare("Search rule " + r.getName(), "present", "deleted");
        }
        configurationLog.recordForEngine(changes);
    }

    /** The dial plan as the engine takes it, in priority order. */
    public List<SearchRule> forEngine() {
        return all().stream().map(r -> new SearchRule(Math.toIntExact(r.getId()), r.getName(), r.getPriority(),
                r.getSourceZone(), r.isRequireAuthenticated(), SearchRule.Mode.valueOf(r.getMode()),
                SearchRule.PatternType.valueOf(r.getPatternType()), r.getPattern(),
                SearchRule.PatternBehavior.valueOf(r.getBehavior()), r.getReplaceString(),
                SearchRule.OnMatch.valueOf(r.getOnMatch()), r.getTargetZone(), r.isEnabled())).toList();
    }

    private List<SearchRuleEntry> find(List<Long> ids) {
        List<SearchRuleEntry> found = new ArrayList<>();
        for (Long id : ids) {
            SearchRuleEntry r = em.find(SearchRuleEntry.class, id);
            if (r != null) {
                found.add(r);
            }
        }
        return found;
    }

    private List<SearchRuleEntry> all() {
        return em.createNamedQuery(SearchRuleEntry.ALL, SearchRuleEntry.class).getResultList();
    }

    private static SearchRuleView view(SearchRuleEntry r) {
        return new SearchRuleView(r.getId(), r.getName(), r.getDescription(), r.getPriority(),
                r.isSipOnly() ? SearchProtocol.SIP.name() : SearchProtocol.ANY.name(), r.getSourceZone(),
                r.isRequireAuthenticated(), r.getMode(), r.getPatternType(), r.getPattern(), r.getBehavior(),
                r.getReplaceString(), r.getOnMatch(), r.getTargetZone(), r.isEnabled());
    }
}
