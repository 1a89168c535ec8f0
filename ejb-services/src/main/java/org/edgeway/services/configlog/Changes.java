package org.edgeway.services.configlog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The setting changes one save makes, as the configuration log will record them. */
public final class Changes {

    /** One changed setting. {@code setting} reads like "System > DNS: DNS server address 1". */
    public record Change(String setting, String oldValue, String newValue) {
    }

    private final String page;
    private final List<Change> changes = new ArrayList<>();

    public Changes(String page) {
        this.page = page;
    }

    /** Records the field if its value changes; empty and null count as the same. */
    public Changes compare(String field, Object oldValue, Object newValue) {
        String before = text(oldValue);
        String after = text(newValue);
        if (!Objects.equals(before, after)) {
            changes.add(new Change(page + ": " + field, before, after));
        }
        return this;
    }

    /** Like {@link #compare} for secrets: the log shows that it changed, never the value. */
    public Changes compareSecret(String field, String oldValue, String newValue) {
        if (!Objects.equals(text(oldValue), text(newValue))) {
            changes.add(new Change(page + ": " + field, oldValue == null || oldValue.isEmpty() ? null : "********",
                    newValue == null || newValue.isEmpty() ? null : "********"));
        }
        return this;
    }

    /** The page the changes were made on. */
    public String page() {
        return page;
    }

    public List<Change> list() {
        return List.copyOf(changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String s = value.toString();
        return s.isEmpty() ? null : s;
    }
}
