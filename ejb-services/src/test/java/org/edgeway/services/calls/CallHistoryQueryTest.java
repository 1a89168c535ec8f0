package org.edgeway.services.calls;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The access path a filtered page takes at a million stored calls. */
class CallHistoryQueryTest {

    private static final long STORED = 1_000_000;

    @Test
    void aCommonStatusIsReadAlongTheOrdersIndexEvenDeepIntoTheList() {
        // one call in five failed: the newest page walks ~250 index entries, page 1000 ~250 000 (< 3 x 200 000)
        assertTrue(CallHistoryQuery.walkCheaper(50, 200_000, STORED));
        assertTrue(CallHistoryQuery.walkCheaper(50_050, 200_000, STORED));
    }

    @Test
    void aRareValueIsReadThroughItsOwnIndexAndSorted() {
        // 100 matches: walking reads half the table to find 50 of them, 1 000: 50 000 entries for a sort of 1 000
        assertFalse(CallHistoryQuery.walkCheaper(50, 100, STORED));
        assertFalse(CallHistoryQuery.walkCheaper(50, 1_000, STORED));
    }

    @Test
    void theWholeListWalksOnlyWhenTheFilterKeepsAThirdOrMore() {
        assertTrue(CallHistoryQuery.walkCheaper(400_000, 400_000, STORED));
        assertFalse(CallHistoryQuery.walkCheaper(200_000, 200_000, STORED));
    }

    @Test
    void noMatchesNeedsNoWalk() {
        assertFalse(CallHistoryQuery.walkCheaper(50, 0, STORED));
    }
}
