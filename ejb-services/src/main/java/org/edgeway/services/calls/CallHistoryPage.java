package org.edgeway.services.calls;

import java.util.List;

/** One page of the filtered history and how many records the filter matches in all. */
public record CallHistoryPage(long total, List<CallRow> rows) {

    public CallHistoryPage {
        rows = List.copyOf(rows);
    }
}
