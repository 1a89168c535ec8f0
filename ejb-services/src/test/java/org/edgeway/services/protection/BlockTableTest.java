package org.edgeway.services.protection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.edgeway.services.protection.ProtectionDetector.Block;
import org.junit.jupiter.api.Test;

/**
 * What a block table shows follows what the listeners were handed: a block is refused before anyone can see it,
 * and answered again before anyone can see it gone (a test that saw a block in the API once found the engine still
 * answering its address).
 */
class BlockTableTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Predicate<String> ALL_ON = category -> true;

    private final List<Set<String>> handedOn = new ArrayList<>();
    private final List<List<Block>> shownWhenHandedOn = new ArrayList<>();
    private BlockTable table;

    private BlockTable table() {
        table = new BlockTable(next -> {
            shownWhenHandedOn.add(table.active());
            handedOn.add(next);
        });
        return table;
    }

    private static Block block(long id, String category, String address, long seconds) {
        return new Block(id, category, address, T0, T0.plusSeconds(seconds));
    }

    @Test
    void aNewBlockIsHandedToTheListenersBeforeItIsShown() {
        BlockTable t = table();
        Block b = block(1, "turn-auth", "192.0.2.9", 600);
        t.put(b, ALL_ON);
        assertEquals(List.of(Set.of("192.0.2.9")), handedOn);
        assertEquals(List.of(List.of()), shownWhenHandedOn, "not shown while the listeners still answered");
        assertEquals(List.of(b), t.active());
        assertEquals(Optional.of(b), t.refusing("192.0.2.9", ALL_ON));
    }

    @Test
    void anUnblockIsHandedToTheListenersBeforeTheBlockDisappears() {
        BlockTable t = table();
        Block b = block(1, "turn-auth", "192.0.2.9", 600);
        t.put(b, ALL_ON);
        assertEquals(Optional.of(b), t.remove(1, ALL_ON));
        assertEquals(Set.of(), handedOn.get(1));
        assertEquals(List.of(b), shownWhenHandedOn.get(1), "still shown until the listeners answer again");
        assertEquals(List.of(), t.active());
        assertEquals(Optional.empty(), t.remove(1, ALL_ON), "no second Unblock");
        assertEquals(2, handedOn.size());
    }

    @Test
    void blocksEndOnTheirOwnAndOnlyTheEndedOnesGo() {
        BlockTable t = table();
        Block brief = block(1, "api-login", "192.0.2.1", 3);
        Block long_ = block(2, "turn-auth", "192.0.2.2", 600);
        t.put(brief, ALL_ON);
        t.put(long_, ALL_ON);
        assertEquals(List.of(), t.expire(ALL_ON, T0.plusSeconds(2)));
        assertEquals(List.of(brief), t.expire(ALL_ON, T0.plusSeconds(3)));
        assertTrue(shownWhenHandedOn.get(handedOn.size() - 1).contains(brief),
                "still shown until the listeners answer again");
        assertEquals(Set.of("192.0.2.2"), t.refused());
        assertEquals(List.of(long_), t.active());
    }

    @Test
    void aRenewedBlockReplacesTheOldOneWithoutHandingOnTheSameSetAgain() {
        BlockTable t = table();
        t.put(block(1, "sip-auth", "192.0.2.5", 10), ALL_ON);
        Block renewed = block(1, "sip-auth", "192.0.2.5", 600);
        t.put(renewed, ALL_ON);
        assertEquals(1, handedOn.size(), "the refused set did not change");
        assertEquals(List.of(renewed), t.active());
        assertEquals(List.of(), t.expire(ALL_ON, T0.plusSeconds(20)), "the renewed block does not end at 10 s");
    }

    @Test
    void onlyActiveCategoriesRefuseAndTurningOneOffReleasesItsAddresses() {
        BlockTable t = table();
        Block turn = block(1, "turn-auth", "192.0.2.9", 600);
        Block sip = block(2, "sip-auth", "198.51.100.7", 600);
        t.put(turn, ALL_ON);
        t.put(sip, ALL_ON);
        assertEquals(Set.of("192.0.2.9", "198.51.100.7"), t.refused());

        Predicate<String> turnOff = category -> !category.equals("turn-auth");
        t.rulesChanged(turnOff);
        assertEquals(Set.of("198.51.100.7"), handedOn.get(handedOn.size() - 1));
        assertEquals(Optional.empty(), t.refusing("192.0.2.9", turnOff));
        assertEquals(Optional.of(sip), t.refusing("198.51.100.7", turnOff));
        assertTrue(t.active().contains(turn), "the block itself stays listed while its category is Off");
    }

    @Test
    void blocksLoadedAtStartupAreRefusedWithoutBeingHandedOn() {
        BlockTable t = table();
        Block stored = block(7, "api-login", "203.0.113.4", 600);
        t.load(List.of(stored), ALL_ON);
        assertEquals(Set.of("203.0.113.4"), t.refused(), "the engine reads this set when it starts");
        assertEquals(List.of(), handedOn);
    }
}
