package org.edgeway.engine.sip.registrar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The registrations: bindings per address of record, updated atomically per AOR; lapsed ones are not returned. */
public final class BindingTable {

    private final Map<String, List<Binding>> byAor = new ConcurrentHashMap<>();

    /** Current bindings of an AOR, most recently registered first. */
    public List<Binding> lookup(String aor, Instant now) {
        List<Binding> list = byAor.get(aor);
        if (list == null) {
            return List.of();
        }
        List<Binding> current = new ArrayList<>(list.size());
        synchronized (list) {
            for (Binding b : list) {
                if (b.expiresAt().isAfter(now)) {
                    current.add(b);
                }
            }
        }
        if (current.size() > 1) {
            current.sort((a, b) -> b.registeredAt().compareTo(a.registeredAt()));
        }
        return current;
    }

    /** Applies one REGISTER's changes: bindings to set (keyed by contact URI) and contact URIs to remove. */
    public void update(String aor, Collection<Binding> set, Collection<String> remove, boolean removeAll) {
        byAor.compute(aor, (k, old) -> {
            List<Binding> list = old == null ? new ArrayList<>() : old;
            synchronized (list) {
                if (removeAll) {
                    list.clear();
                }
                list.removeIf(b -> remove.contains(b.contact().text()));
                for (Binding b : set) {
                    list.removeIf(x -> x.contact().text().equals(b.contact().text()));
                    list.add(b);
                }
                return list.isEmpty() ? null : list;
            }
        });
    }

    public List<Binding> all(Instant now) {
        List<Binding> all = new ArrayList<>();
        for (String aor : byAor.keySet()) {
            all.addAll(lookup(aor, now));
        }
        return all;
    }

    /** The binding of a contact under an AOR, even if lapsed (to keep its first registration time), or null. */
    public Binding find(String aor, String contact) {
        List<Binding> list = byAor.get(aor);
        if (list == null) {
            return null;
        }
        synchronized (list) {
            for (Binding b : list) {
                if (b.contact().text().equals(contact)) {
                    return b;
                }
            }
            return null;
        }
    }

    /** Drops lapsed bindings. */
    public void purge(Instant now) {
        for (String aor : byAor.keySet()) {
            byAor.computeIfPresent(aor, (k, list) -> {
                synchronized (list) {
                    list.removeIf(b -> !b.expiresAt().isAfter(now));
                    return list.isEmpty() ? null : list;
                }
            });
        }
    }

    /** Removes every binding of an AOR (an administrator's un-register); whether it had any. */
    public boolean remove(String aor) {
        return byAor.remove(aor) != null;
    }
}
