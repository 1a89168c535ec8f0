package org.edgeway.services.calls;

import java.util.List;

/**
 * One page of the filtered history and how many records the filter matches in all: exactly, or at least
 * {@code total} when {@code totalExact} is false (an alias search counts a few pages ahead only).
 */
public record CallHistoryPage(long total, boolean totalExact, List<CallRow> rows) {

    public CallHistoryPage {
        rows = List.copyOf(rows);
    }
}
