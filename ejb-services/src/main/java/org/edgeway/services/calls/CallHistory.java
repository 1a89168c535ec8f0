package org.edgeway.services.calls;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Tuple;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.edgeway.engine.calls.CallRecord;
import org.edgeway.persistence.calls.CallRecordEntry;
import org.edgeway.services.validation.InvalidSettingsException;

/**
 * Status &gt; Calls &gt; History: every call the engine reports ended is stored at once, and read back a page, a
 * record or a stream at a time, filtered and sorted by the database.
 */
@Stateless
public class CallHistory {

    /** Most rows one page holds. */
    public static final int MAX_PAGE_SIZE = 1000;
    /** Rows the JDBC driver fetches at a time during an export. */
    private static final int EXPORT_FETCH_SIZE = 500;
    /** Pages past the requested one that an alias search counts (no index answers a substring, see {@link #page}). */
    static final int PAGES_AHEAD = 10;
    private static final Logger LOG = Logger.getLogger(CallHistory.class.getName());

    @PersistenceContext
    private EntityManager em;

    /**
     * Stores the final record of an ended call, committed on its own (nothing the caller does later can lose it).
     * The engine reports each call once; a serial number already stored is left as it is.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(CallRecord ended) {
        recordAll(List.of(ended));
    }

    /** {@link #record} for the calls that ended together, in one transaction (see {@link CallHistoryQueue}). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordAll(List<CallRecord> ended) {
        Set<String> stored = new HashSet<>(em.createNamedQuery(CallRecordEntry.SERIALS_IN, String.class)
                .setParameter("serials", ended.stream().map(CallRecord::serialNumber).toList()).getResultList());
        for (CallRecord call : ended) {
            if (stored.add(call.serialNumber())) {
                em.persist(CallRecords.entry(call));
            } else {
                LOG.warning(() -> "call " + call.serialNumber() + " reported ended twice; kept the first record");
            }
        }
    }

    /**
     * Rows {@code first}.. of the filtered history in this order, with the number of rows the filter matches. An
     * alias substring has no index, so its count stops {@link #PAGES_AHEAD} pages past this one (a lower bound,
     * {@link CallHistoryPage#totalExact()} false) rather than read a million rows for every page.
     */
    public CallHistoryPage page(CallHistoryFilter filter, CallHistorySort sort, int first, int size) {
        if (first < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidSettingsException(first < 0 ? Map.of("page", "must be 0 or more")
                    : Map.of("size", "must be between 1 and " + MAX_PAGE_SIZE));
        }
        CallHistoryQuery query = new CallHistoryQuery(em);
        int limit = (int) Math.min(Integer.MAX_VALUE, first + (long) size * PAGES_AHEAD + 1);
        long total = count(query, filter, sort, limit);
        boolean exact = filter.alias() == null || total < limit;
        if (first >= total) {
            return new CallHistoryPage(total, exact, List.of());
        }
        long counted = filter.alias() == null ? total : -1; // the count without an alias is the one just made
        boolean walk = walkOrder(query, filter, first + size, counted);
        return new CallHistoryPage(total, exact, query.rows(filter, sort, walk)
                .setFirstResult(first).setMaxResults(size).getResultList().stream().map(CallHistoryQuery::row)
                .toList());
    }

    /** The exact number of calls the filter matches. */
    public long count(CallHistoryFilter filter) {
        return new CallHistoryQuery(em).count(filter);
    }

    /** {@link #count}, except that an alias search stops counting at {@code limit}. */
    public long count(CallHistoryFilter filter, int limit) {
        return count(new CallHistoryQuery(em), filter, CallHistorySort.NEWEST_FIRST, limit);
    }

    private static long count(CallHistoryQuery query, CallHistoryFilter filter, CallHistorySort sort, int limit) {
        return filter.alias() == null ? query.count(filter) : query.countUpTo(filter, sort, limit);
    }

    /**
     * Whether the first {@code rows} matches (-1: all of them) are read along the order's index (see
     * {@link CallHistoryQuery}); {@code known} is the filter's count without its alias when already counted, else -1.
     */
    private static boolean walkOrder(CallHistoryQuery query, CallHistoryFilter filter, long rows, long known) {
        if (filter.status() == null && filter.iceCallType() == null) {
            return true;
        }
        long matches = known >= 0 ? known : query.count(new CallHistoryFilter(filter.from(), filter.to(), null,
                filter.iceCallType(), filter.status()));
        return CallHistoryQuery.walkCheaper(rows < 0 ? matches : rows, matches, query.count(CallHistoryFilter.ALL));
    }

    /** The call detail record with its components, if a call with this serial number is stored. */
    public Optional<CallDetail> detail(String serialNumber) {
        return em.createNamedQuery(CallRecordEntry.BY_SERIAL, CallRecordEntry.class)
                .setParameter("serial", serialNumber).getResultStream().findFirst().map(CallRecords::detail);
    }

    /**
     * Hands every filtered row to {@code sink} in order while the database cursor reads them: the export holds one
     * fetch of rows at a time in the persistence layer, however long the history. (H2 builds the whole result
     * first, spilling to a temporary file past its in-memory row limit. Its lazy execution would stream instead,
     * but H2 2.2 loses chunks under a long lazy read while the store compacts: "Chunk ... not found", seen here
     * on 200 000 and 1 000 000 calls.)
     */
    public void export(CallHistoryFilter filter, CallHistorySort sort, Consumer<CallRow> sink) {
        CallHistoryQuery query = new CallHistoryQuery(em);
        try (Stream<Tuple> rows = query.rows(filter, sort, walkOrder(query, filter, -1, -1))
                .setHint("org.hibernate.fetchSize", EXPORT_FETCH_SIZE).setHint("org.hibernate.readOnly", true)
                .getResultStream()) {
            rows.map(CallHistoryQuery::row).forEach(sink);
        }
    }
}
