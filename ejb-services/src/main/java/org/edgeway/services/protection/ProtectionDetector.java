package org.edgeway.services.protection;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;
import org.edgeway.engine.net.Cidr;
import org.edgeway.persistence.protection.ProtectionBlock;
import org.edgeway.persistence.protection.ProtectionCategory;
import org.edgeway.persistence.protection.ProtectionExemption;
import org.edgeway.persistence.system.SystemSettings;
import org.edgeway.services.system.SettingsChanged;

/**
 * The one detector of the automated protection service (B-IPS): fed with failures per category and source address
 * (console and API logins here, TURN and SIP authentication failures from the engine), it blocks a source whose
 * failures in a category pass the trigger level within the detection window, for the category's block duration,
 * unless the source is exempt for that category or the category or the service is Off. Blocks are stored with
 * their expiry, end on their own, and are refused by the console, the API and the engine's listeners while the
 * service and their category are On.
 */
@Singleton
@Startup
@DependsOn("Bootstrap")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ProtectionDetector {

    public static final String ADMIN_CONSOLE_LOGIN = "admin-console-login";
    public static final String API_LOGIN = "api-login";
    public static final String SIP_AUTHENTICATION = "sip-auth";
    public static final String TURN_AUTHENTICATION = "turn-auth";

    private static final Logger LOG = Logger.getLogger(ProtectionDetector.class.getName());

    /** The settings the detector works with, replaced as a whole after every committed change. */
    private record Rules(boolean serviceOn, Map<String, ProtectionCategory> categories, Exemptions exemptions) {

        boolean active(String category) {
            ProtectionCategory c = categories.get(category);
            return serviceOn && c != null && c.isEnabled();
        }
    }

    /** An active block, as the detector holds it. */
    public record Block(long id, String category, String address, Instant since, Instant until) {
    }

    @PersistenceContext
    private EntityManager em;
    @Inject
    private ProtectionBlocks store;
    @Inject
    private Event<BlockedAddressesChanged> changed;

    private final FailureDetector detector = new FailureDetector();
    /** Hands the engine's listeners each new refused set (synchronously, before the change is shown). */
    private final BlockTable blocks = new BlockTable(next -> changed.fire(new BlockedAddressesChanged(next)));
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> blockCounts = new ConcurrentHashMap<>();
    private volatile Rules rules = new Rules(false, Map.of(), Exemptions.NONE);

    @PostConstruct
    void load() {
        reloadRules();
        Instant now = Instant.now();
        List<Block> stored = new ArrayList<>();
        for (ProtectionBlock b : store.all()) {
            if (b.getExpiresAt().isAfter(now)) {
                stored.add(new Block(b.getId(), b.getCategoryId(), b.getAddress(), b.getBlockedSince(),
                        b.getExpiresAt()));
            } else {
                store.removeIfEnded(b.getId(), now);
            }
        }
        blocks.load(stored, rules::active);
    }

    /** Settings changed (a category, an exemption, the service switch): take them for the next failure. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void onSettingsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) SettingsChanged change) {
        reloadRules();
        blocks.rulesChanged(rules::active);
    }

    /**
     * One failure of {@code category} from {@code address}; returns the new block if this one started it. Runs in
     * its own transactions only when a block is stored.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<Block> failed(String category, String address, Instant now) {
        Rules r = rules;
        if (!r.active(category)) {
            return Optional.empty();
        }
        String canonical = canonical(address);
        if (canonical == null) {
            return Optional.empty();
        }
        InetAddress source = parse(canonical);
        failures.computeIfAbsent(category, k -> new LongAdder()).increment();
        if (r.exemptions().exempt(category, source)) {
            return Optional.empty();
        }
        ProtectionCategory c = r.categories().get(category);
        Optional<Instant> until = detector.failed(category, canonical, new FailureDetector.Rule(c.getTriggerLevel(),
                Duration.ofSeconds(c.getDetectionWindow()), Duration.ofSeconds(c.getBlockDuration())), now);
        if (until.isEmpty()) {
            return Optional.empty();
        }
        long id = store.store(category, canonical, now, until.get());
        Block block = new Block(id, category, canonical, now, until.get());
        blocks.put(block, r::active);
        blockCounts.computeIfAbsent(category, k -> new LongAdder()).increment();
        LOG.warning(() -> "Automated protection: blocking " + canonical + " (" + c.getName() + ") until "
                + until.get() + " after more than " + c.getTriggerLevel() + " failures in "
                + c.getDetectionWindow() + " s");
        return Optional.of(block);
    }

    /** A failure the engine reported ({@code protocol} "TURN" or "SIP"). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void engineFailure(String protocol, String address, Instant at) {
        switch (protocol) {
            case "TURN" -> failed(TURN_AUTHENTICATION, address, at);
            case "SIP" -> failed(SIP_AUTHENTICATION, address, at);
            default -> LOG.fine(() -> "no protection category for " + protocol);
        }
    }

    /** The active block refusing {@code address} now, if any (the console and API filter). */
    public Optional<Block> refusing(String address) {
        if (blocks.refused().isEmpty()) {
            return Optional.empty();
        }
        String canonical = canonical(address);
        return canonical == null ? Optional.empty() : blocks.refusing(canonical, rules::active);
    }

    /** The addresses refused now, for the engine. */
    public Set<String> refusedAddresses() {
        return blocks.refused();
    }

    /** Active blocks, newest first (a block whose time is up until the next sweep has released it). */
    public List<Block> blocks() {
        return blocks.active();
    }

    /** Ends a block (Unblock): its failures are forgotten too, so the next one does not block again. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<Block> unblock(long id) {
        Optional<Block> b = blocks.remove(id, rules::active);
        b.ifPresent(x -> {
            detector.forget(x.category(), x.address());
            store.remove(id);
        });
        return b;
    }

    public long totalFailures(String category) {
        LongAdder a = failures.get(category);
        return a == null ? 0 : a.sum();
    }

    public long totalBlocks(String category) {
        LongAdder a = blockCounts.get(category);
        return a == null ? 0 : a.sum();
    }

    /** Blocks end on their own: every few seconds expired ones are removed and the refused set follows. */
    @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void expire() {
        Instant now = Instant.now();
        for (Block b : blocks.expire(rules::active, now)) {
            // a block renewed meanwhile keeps its row (and id): only the block that expired is removed
            store.removeIfEnded(b.id(), now);
            LOG.info(() -> "Automated protection: block of " + b.address() + " (" + b.category() + ") expired");
        }
        detector.purge(Duration.ofSeconds(CategoryForm.MAX_WINDOW), now);
    }

    /** One spelling per address (as {@link InetAddress#getHostAddress}), or null for what is no IP literal. */
    private static String canonical(String address) {
        InetAddress a = address == null ? null : parse(address);
        return a == null ? null : a.getHostAddress();
    }

    private static InetAddress parse(String literal) {
        try {
            return InetAddress.getByAddress(Cidr.literal(literal));
        } catch (IllegalArgumentException | java.net.UnknownHostException e) {
            return null;
        }
    }

    private void reloadRules() {
        SystemSettings s = em.find(SystemSettings.class, SystemSettings.SINGLETON_ID);
        Map<String, ProtectionCategory> categories = new LinkedHashMap<>();
        for (ProtectionCategory c : em.createNamedQuery(ProtectionCategory.ALL, ProtectionCategory.class)
                .getResultList()) {
            em.detach(c);
            categories.put(c.getId(), c);
        }
        List<Exemptions.Range> ranges = em.createNamedQuery(ProtectionExemption.ALL, ProtectionExemption.class)
                .getResultList().stream()
                .map(e -> new Exemptions.Range(Cidr.parse(e.getAddress() + "/" + e.getPrefixLength()),
                        Set.copyOf(e.getCategories())))
                .toList();
        rules = new Rules(s != null && s.isAutomatedProtection(), Map.copyOf(categories), new Exemptions(ranges));
    }
}
