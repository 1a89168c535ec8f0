package org.edgeway.services.protection;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.edgeway.engine.net.Cidr;
import org.edgeway.persistence.protection.ProtectionCategory;
import org.edgeway.persistence.protection.ProtectionExemption;
import org.edgeway.services.configlog.Changes;
import org.edgeway.services.configlog.ConfigurationLog;
import org.edgeway.services.security.Caller;
import org.edgeway.services.validation.InvalidSettingsException;

/**
 * System &gt; Protection &gt; Automated detection (P39-P41): the categories, the exemptions, the blocked addresses
 * with Unblock, and the overview. Every change goes to the configuration log; the {@link ProtectionDetector} takes
 * it once committed.
 */
@Stateless
public class AutomatedProtection {

    public static final String PAGE = "System > Protection > Automated detection";

    @PersistenceContext
    private EntityManager em;
    @Inject
    private Caller caller;
    @Inject
    private ConfigurationLog configurationLog;
    @Inject
    private ProtectionDetector detector;

    public List<CategoryView> categories() {
        return allCategories().stream().map(AutomatedProtection::view).toList();
    }

    public Optional<CategoryView> category(String id) {
        ProtectionCategory c = id == null ? null : em.find(ProtectionCategory.class, id);
        return Optional.ofNullable(c).map(AutomatedProtection::view);
    }

    public Optional<CategoryForm> categoryForm(String id) {
        return category(id).map(v -> {
            CategoryForm f = new CategoryForm();
            f.setId(v.id());
            f.setEnabled(v.enabled());
            f.setDescription(v.description());
            f.setTriggerLevel(v.triggerLevel());
            f.setDetectionWindow(v.detectionWindow());
            f.setBlockDuration(v.blockDuration());
            return f;
        });
    }

    public void saveCategory(@NotNull @Valid CategoryForm form) {
        caller.requireWrite();
        ProtectionCategory c = form.getId() == null ? null : em.find(ProtectionCategory.class, form.getId());
        if (c == null) {
            new InvalidSettingsException.Collector().reject("id", "no such category").throwIfAny();
        }
        String label = "Category " + c.getName();
        Changes changes = new Changes(PAGE + " > Configuration")
                .compare(label + " state", onOff(c.isEnabled()), onOff(form.isEnabled()))
                .compare(label + " description", c.getDescription(), form.getDescription())
                .compare(label + " trigger level", c.getTriggerLevel(), form.getTriggerLevel())
                .compare(label + " detection window (s)", c.getDetectionWindow(), form.getDetectionWindow())
                .compare(label + " block duration (s)", c.getBlockDuration(), form.getBlockDuration());
        c.setEnabled(form.isEnabled());
        c.setDescription(form.getDescription());
        c.setTriggerLevel(form.getTriggerLevel());
        c.setDetectionWindow(form.getDetectionWindow());
        c.setBlockDuration(form.getBlockDuration());
        configurationLog.recordForEngine(changes);
    }

    public List<ExemptionView> exemptions() {
        Map<String, ProtectionCategory> categories = categoriesById();
        return em.createNamedQuery(ProtectionExemption.ALL, ProtectionExemption.class).getResultList().stream()
                .map(e -> view(e, categories)).toList();
    }

    public Optional<ExemptionView> exemption(long id) {
        ProtectionExemption e = em.find(ProtectionExemption.class, id);
        return Optional.ofNullable(e).map(x -> view(x, categoriesById()));
    }

    public Optional<ExemptionForm> exemptionForm(long id) {
        return exemption(id).map(v -> {
            ExemptionForm f = new ExemptionForm();
            f.setId(v.id());
            f.setAddress(v.address());
            f.setPrefixLength(v.prefixLength());
            f.setCategories(v.categories());
            return f;
        });
    }

    /** Creates (no id) or updates an exemption; returns its id. */
    public long saveExemption(@NotNull @Valid ExemptionForm form) {
        caller.requireWrite();
        InvalidSettingsException.Collector errors = new InvalidSettingsException.Collector();
        ProtectionExemption existing = form.getId() == null ? null : em.find(ProtectionExemption.class, form.getId());
        if (form.getId() != null && existing == null) {
            errors.reject("address", "this exemption no longer exists").throwIfAny();
        }
        String network = network(form.getAddress(), form.getPrefixLength(), errors);
        Map<String, ProtectionCategory> categories = categoriesById();
        Set<String> chosen = new LinkedHashSet<>(form.getCategories());
        if (chosen.isEmpty()) {
            errors.reject("categories", "select at least one category");
        }
        chosen.stream().filter(id -> !categories.containsKey(id)).findFirst()
                .ifPresent(id -> errors.reject("categories", "unknown category " + id));
        errors.throwIfAny();
        em.createNamedQuery(ProtectionExemption.ALL, ProtectionExemption.class).getResultStream()
                .filter(e -> e.getAddress().equals(network) && e.getPrefixLength() == form.getPrefixLength()
                        && (existing == null || !e.getId().equals(existing.getId())))
                .findFirst().ifPresent(e -> errors.reject("address", "an exemption for this range already exists"));
        errors.throwIfAny();

        ProtectionExemption e = existing == null ? new ProtectionExemption() : existing;
        String before = existing == null ? null : describe(existing, categories);
        e.setAddress(network);
        e.setPrefixLength(form.getPrefixLength());
        e.setCategories(categories.keySet().stream().filter(chosen::contains).collect(Collectors.toCollection(LinkedHashSet::new)));
        if (existing == null) {
            em.persist(e);
        }
        em.flush();
        configurationLog.recordForEngine(new Changes(PAGE + " > Exemptions")
                .compare("Exemption " + network + "/" + form.getPrefixLength(), before, describe(e, categories)));
        return e.getId();
    }

    public void deleteExemptions(List<Long> ids) {
        caller.requireWrite();
        Map<String, ProtectionCategory> categories = categoriesById();
        Changes changes = new Changes(PAGE + " > Exemptions");
        for (Long id : ids) {
            ProtectionExemption e = em.find(ProtectionExemption.class, id);
            if (e != null) {
                changes.compare("Exemption " + e.getAddress() + "/" + e.getPrefixLength(), describe(e, categories),
                        "deleted");
                em.remove(e);
            }
        }
        configurationLog.recordForEngine(changes);
    }

    public List<BlockView> blocked() {
        Map<String, ProtectionCategory> categories = categoriesById();
        return detector.blocks().stream().map(b -> new BlockView(b.id(), b.address(), b.category(),
                name(categories, b.category()), b.since(), b.until())).toList();
    }

    public Optional<BlockView> block(long id) {
        return blocked().stream().filter(b -> b.id() == id).findFirst();
    }

    /** Unblock: the addresses are accepted again at once; each one in the configuration log. */
    public void unblock(List<Long> ids) {
        caller.requireWrite();
        Map<String, ProtectionCategory> categories = categoriesById();
        Changes changes = new Changes(PAGE + " > Blocked addresses");
        for (Long id : ids) {
            detector.unblock(id).ifPresent(b -> changes.compare("Blocked address " + b.address() + " ("
                    + name(categories, b.category()) + ")", "blocked until " + b.until(), "unblocked"));
        }
        configurationLog.record(changes);
    }

    public List<CategoryStatus> overview() {
        List<BlockView> blocked = blocked();
        List<ExemptionView> exemptions = exemptions();
        List<CategoryStatus> rows = new ArrayList<>();
        for (ProtectionCategory c : allCategories()) {
            rows.add(new CategoryStatus(c.getId(), c.getName(), c.isEnabled(),
                    (int) blocked.stream().filter(b -> b.categoryId().equals(c.getId())).count(),
                    detector.totalFailures(c.getId()), detector.totalBlocks(c.getId()),
                    (int) exemptions.stream().filter(e -> e.categories().contains(c.getId())).count()));
        }
        return rows;
    }

    /** The range's network address; rejects what is not an IP literal, a prefix out of range, or host bits set. */
    private static String network(String address, Integer prefixLength, InvalidSettingsException.Collector errors) {
        if (address == null || prefixLength == null) {
            return address;
        }
        byte[] bytes;
        try {
            bytes = Cidr.literal(address);
        } catch (IllegalArgumentException e) {
            errors.reject("address", "must be an IPv4 or IPv6 address");
            return address;
        }
        int bits = bytes.length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            errors.reject("prefixLength", "must be between 0 and " + bits + " for an IPv" + (bits == 32 ? 4 : 6)
                    + " address");
            return address;
        }
        String net = Cidr.parse(address + "/" + prefixLength).networkAddress().getHostAddress();
        if (!java.util.Arrays.equals(bytes, Cidr.literal(net))) {
            errors.reject("address", "has bits set beyond the prefix length: the range starts at " + net);
        }
        return net;
    }

    private static String describe(ProtectionExemption e, Map<String, ProtectionCategory> categories) {
        return e.getCategories().stream().map(id -> name(categories, id)).collect(Collectors.joining(", "));
    }

    private static String name(Map<String, ProtectionCategory> categories, String id) {
        ProtectionCategory c = categories.get(id);
        return c == null ? id : c.getName();
    }

    private static String onOff(boolean on) {
        return on ? "On" : "Off";
    }

    private List<ProtectionCategory> allCategories() {
        return em.createNamedQuery(ProtectionCategory.ALL, ProtectionCategory.class).getResultList();
    }

    private Map<String, ProtectionCategory> categoriesById() {
        return allCategories().stream().collect(Collectors.toMap(ProtectionCategory::getId, Function.identity(),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private static CategoryView view(ProtectionCategory c) {
        return new CategoryView(c.getId(), c.getName(), c.isEnabled(), c.getDescription(), c.getTriggerLevel(),
                c.getDetectionWindow(), c.getBlockDuration());
    }

    private static ExemptionView view(ProtectionExemption e, Map<String, ProtectionCategory> categories) {
        List<String> ids = categories.keySet().stream().filter(e.getCategories()::contains).toList();
        return new ExemptionView(e.getId(), e.getAddress(), e.getPrefixLength(), ids,
                ids.stream().map(id -> name(categories, id)).toList());
    }
}
