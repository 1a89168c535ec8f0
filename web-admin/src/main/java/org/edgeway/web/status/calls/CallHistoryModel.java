package org.edgeway.web.status.calls;

import java.util.List;
import java.util.Map;
import org.edgeway.services.calls.CallHistory;
import org.edgeway.services.calls.CallHistoryFilter;
import org.edgeway.services.calls.CallHistorySort;
import org.edgeway.services.calls.CallRow;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The history table's lazy model: every page, count and sort is a database query through {@link CallHistory};
 * only the rows on screen are held. The filter comes from the page's filter fields, already parsed.
 */
class CallHistoryModel extends LazyDataModel<CallRow> {

    /** Column sort fields (the row's property names) to the service's sort columns. */
    private static final Map<String, String> SORT_COLUMNS = Map.of("start", "startTime", "end", "endTime",
            "durationSeconds", "durationSeconds", "sourceAlias", "sourceAlias", "destinationAlias",
            "destinationAlias", "status", "status", "iceCallType", "iceCallType", "disconnectReason",
            "disconnectReason");

    /** How far an alias search counts (100 pages of 50): no index answers a substring. */
    static final int ALIAS_COUNT_LIMIT = 5000;

    private final transient CallHistory history;
    private CallHistoryFilter filter = CallHistoryFilter.ALL;
    private boolean countIsLowerBound;

    CallHistoryModel(CallHistory history) {
        this.history = history;
    }

    void filter(CallHistoryFilter filter) {
        this.filter = filter;
    }

    CallHistoryFilter filter() {
        return filter;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        long n = history.count(filter, ALIAS_COUNT_LIMIT);
        countIsLowerBound = filter.alias() != null && n >= ALIAS_COUNT_LIMIT;
        return (int) Math.min(Integer.MAX_VALUE, n);
    }

    /** Whether the last count stopped at {@link #ALIAS_COUNT_LIMIT} (more calls match). */
    boolean countIsLowerBound() {
        return countIsLowerBound;
    }

    @Override
    public List<CallRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        return history.page(filter, sort(sortBy), first, pageSize).rows();
    }

    @Override
    public String getRowKey(CallRow row) {
        return row.serialNumber();
    }

    static CallHistorySort sort(Map<String, SortMeta> sortBy) {
        for (SortMeta s : sortBy.values()) {
            String column = SORT_COLUMNS.get(s.getField());
            if (column != null && s.getOrder() != SortOrder.UNSORTED) {
                return new CallHistorySort(CallHistorySort.Field.of(column), s.getOrder() == SortOrder.ASCENDING);
            }
        }
        return CallHistorySort.NEWEST_FIRST;
    }
}
