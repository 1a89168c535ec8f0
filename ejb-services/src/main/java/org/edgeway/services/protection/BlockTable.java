package org.edgeway.services.protection;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.edgeway.services.protection.ProtectionDetector.Block;

/**
 * The active blocks and the addresses they refuse. Every change hands the listeners the new refused set before the
 * change is shown ({@link #active}, {@link #refusing}): an administrator or a test that sees a block can count on
 * the engine refusing its address, and one that sees it gone (Unblock or expiry) on the engine answering again.
 * Changes are serialised, so the last set handed on is the newest.
 */
final class BlockTable {

    private record Key(String category, String address) {
    }

    private final Map<Key, Block> blocks = new ConcurrentHashMap<>();
    private final Consumer<Set<String>> enforce;
    private volatile Set<String> refused = Set.of();

    /** {@code enforce} gets every new refused set (the engine's listeners), before the change is visible. */
    BlockTable(Consumer<Set<String>> enforce) {
        this.enforce = enforce;
    }

    /** The stored blocks at startup; the engine reads {@link #refused} when it starts, so nothing is handed on. */
    synchronized void load(Collection<Block> stored, Predicate<String> activeCategory) {
        stored.forEach(b -> blocks.put(key(b), b));
        refused = refusedBy(blocks, activeCategory);
    }

    /** A new or renewed block (replacing the one of its category and address). */
    synchronized void put(Block block, Predicate<String> activeCategory) {
        Map<Key, Block> next = new HashMap<>(blocks);
        next.put(key(block), block);
        handOn(refusedBy(next, activeCategory));
        blocks.put(key(block), block);
    }

    /** Ends the block with this id (Unblock); empty if there is none. */
    synchronized Optional<Block> remove(long id, Predicate<String> activeCategory) {
        Optional<Block> found = blocks.values().stream().filter(b -> b.id() == id).findFirst();
        found.ifPresent(b -> removeAll(List.of(b), activeCategory));
        return found;
    }

    /** Ends the blocks whose time is up, and returns them: the one place where time ends a block. */
    synchronized List<Block> expire(Predicate<String> activeCategory, Instant now) {
        List<Block> ended = blocks.values().stream().filter(b -> !b.until().isAfter(now)).toList();
        if (!ended.isEmpty()) {
            removeAll(ended, activeCategory);
        }
        return ended;
    }

    /** The categories or the service switch changed: the refused set follows. */
    synchronized void rulesChanged(Predicate<String> activeCategory) {
        handOn(refusedBy(blocks, activeCategory));
    }

    /** The addresses refused: blocks held, of active categories. */
    Set<String> refused() {
        return refused;
    }

    /**
     * The blocks held, newest first. A block whose time is up stays until {@link #expire} has handed the listeners
     * the set without it (at most one sweep), because until then they still refuse its address.
     */
    List<Block> active() {
        return blocks.values().stream().sorted((a, b) -> b.since().compareTo(a.since())).toList();
    }

    /** The block refusing {@code address} (canonical spelling), if any: the same answer the listeners give. */
    Optional<Block> refusing(String address, Predicate<String> activeCategory) {
        if (!refused.contains(address)) {
            return Optional.empty();
        }
        return blocks.values().stream().filter(b -> b.address().equals(address) && activeCategory.test(b.category()))
                .findFirst();
    }

    private void removeAll(List<Block> ended, Predicate<String> activeCategory) {
        Map<Key, Block> next = new HashMap<>(blocks);
        ended.forEach(b -> next.remove(key(b), b));
        handOn(refusedBy(next, activeCategory));
        ended.forEach(b -> blocks.remove(key(b), b));
    }

    private void handOn(Set<String> next) {
        if (!next.equals(refused)) {
            enforce.accept(next);
            refused = next;
        }
    }

    private static Set<String> refusedBy(Map<Key, Block> blocks, Predicate<String> activeCategory) {
        return blocks.values().stream().filter(b -> activeCategory.test(b.category()))
                .map(Block::address).collect(Collectors.toUnmodifiableSet());
    }

    private static Key key(Block b) {
        return new Key(b.category(), b.address());
    }
}
