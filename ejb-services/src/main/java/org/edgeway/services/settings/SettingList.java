package org.edgeway.services.settings;

import java.util.List;
import org.edgeway.services.configlog.Changes;

/**
 * The settings of one page, in the order the page and the configuration log show them. Everything that used to
 * be written once per field (form from entity, entity from form, the log's comparison, the engine mapping) is a
 * loop over this list.
 */
public final class SettingList<F, E, B> {

    private final List<Setting<F, E, B>> settings;

    @SafeVarargs
    public SettingList(Setting<F, E, B>... settings) {
        this.settings = List.of(settings);
    }

    /** Fills the form from the stored entity. */
    public F toForm(E entity, F form) {
        settings.forEach(s -> s.entityToForm(entity, form));
        return form;
    }

    /** Stores the form's values in the entity. */
    public void toEntity(F form, E entity) {
        settings.forEach(s -> s.formToEntity(form, entity));
    }

    /** Records every setting whose value the form changes (call before {@link #toEntity}). */
    public Changes compare(Changes changes, E stored, F form) {
        settings.forEach(s -> changes.compare(s.label(), s.shownBefore(stored), s.shownAfter(form)));
        return changes;
    }

    /**
     * Stores the form in one record of a list page (a domain, a search rule) and returns the log lines: "created"
     * under {@code kind} for a new record, else every setting the form changes.
     */
    public Changes store(F form, E record, boolean created, String kind, Changes changes) {
        if (created) {
            changes.compare(kind, null, "created");
        } else {
            compare(changes, record, form);
        }
        toEntity(form, record);
        return changes;
    }

    /** Records every setting of a new record as set, with nothing before it (call for a creation). */
    public Changes describe(Changes changes, F form) {
        settings.forEach(s -> changes.compare(s.label(), null, s.shownAfter(form)));
        return changes;
    }

    /** Hands every stored value the engine takes to its configuration builder. */
    public B toEngine(E entity, B builder) {
        settings.forEach(s -> s.toEngine(entity, builder));
        return builder;
    }

    public List<String> labels() {
        return settings.stream().map(Setting::label).toList();
    }
}
