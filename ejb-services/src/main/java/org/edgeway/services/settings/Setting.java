package org.edgeway.services.settings;

import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One setting of a page, declared once: its label in the configuration log, how the form and the stored entity
 * hold it, how the log shows it, and how it reaches the engine's configuration builder. A {@link SettingList} of
 * these does the copies, the change-log comparison and the engine mapping; validation messages stay on the form's
 * fields (Bean Validation) and in the service's cross-field rules.
 *
 * <p>The value type {@code V} is the stored one; form accessors convert where the form shows something else
 * (an enum stored by name, for instance).
 *
 * @param <F> the form
 * @param <E> the entity
 * @param <B> the engine configuration builder ({@code Void} for settings the engine does not take)
 */
public final class Setting<F, E, B> {

    private final String label;
    private final Accessors<F, E, B, ?> accessors;

    private Setting(String label, Accessors<F, E, B, ?> accessors) {
        this.label = label;
        this.accessors = accessors;
    }

    /** Starts the declaration of a setting shown in the configuration log as {@code label}. */
    public static <F, E, B, V> Declaration<F, E, B, V> named(String label) {
        return new Declaration<>(label);
    }

    public String label() {
        return label;
    }

    void formToEntity(F form, E entity) {
        accessors.formToEntity(form, entity);
    }

    void entityToForm(E entity, F form) {
        accessors.entityToForm(entity, form);
    }

    void toEngine(E entity, B builder) {
        accessors.toEngine(entity, builder);
    }

    /** The log text of the stored value and of the form's value. */
    String shownBefore(E entity) {
        return accessors.shownStored(entity);
    }

    String shownAfter(F form) {
        return accessors.shownForm(form);
    }

    /** The typed parts, kept together so the value type is checked once at the declaration. */
    private record Accessors<F, E, B, V>(Function<F, V> formGet, BiConsumer<F, V> formSet, Function<E, V> storedGet,
            BiConsumer<E, V> storedSet, Function<V, String> shown, BiConsumer<B, V> engine) {

        void formToEntity(F form, E entity) {
            storedSet.accept(entity, formGet.apply(form));
        }

        void entityToForm(E entity, F form) {
            formSet.accept(form, storedGet.apply(entity));
        }

        void toEngine(E entity, B builder) {
            if (engine != null) {
                engine.accept(builder, storedGet.apply(entity));
            }
        }

        String shownStored(E entity) {
            return text(storedGet.apply(entity));
        }

        String shownForm(F form) {
            return text(formGet.apply(form));
        }

        private String text(V value) {
            return value == null ? null : shown.apply(value);
        }
    }

    /** The steps of a declaration: form, stored, then optionally shown and engine. */
    public static final class Declaration<F, E, B, V> {
        private final String label;
        private Function<F, V> formGet;
        private BiConsumer<F, V> formSet;
        private Function<V, String> shown = String::valueOf;

        private Declaration(String label) {
            this.label = Objects.requireNonNull(label, "label");
        }

        /** How the form reads and writes the value. */
        public Declaration<F, E, B, V> form(Function<F, V> get, BiConsumer<F, V> set) {
            formGet = get;
            formSet = set;
            return this;
        }

        /** How the configuration log shows a value (default: its text; see {@link #onOff}). */
        public Declaration<F, E, B, V> shown(Function<V, String> text) {
            shown = text;
            return this;
        }

        /** How the entity reads and writes the value; a setting the engine does not take ends here. */
        public Setting<F, E, B> stored(Function<E, V> get, BiConsumer<E, V> set) {
            return stored(get, set, null);
        }

        /** How the entity reads and writes the value, and how the engine's builder takes it. */
        public Setting<F, E, B> stored(Function<E, V> get, BiConsumer<E, V> set, BiConsumer<B, V> engine) {
            Objects.requireNonNull(formGet, "form accessors of " + label);
            return new Setting<>(label, new Accessors<>(formGet, formSet, get, set, shown, engine));
        }
    }

    /** "On" / "Off", as the console and the log show booleans. */
    public static String onOff(Boolean on) {
        return Boolean.TRUE.equals(on) ? "On" : "Off";
    }
}
