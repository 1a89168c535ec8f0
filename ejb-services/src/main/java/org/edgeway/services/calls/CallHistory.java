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

    /** Rows {@code first}.. of the filtered history in this order, with the number of rows the filter matches. */
    public CallHistoryPage page(CallHistoryFilter filter, CallHistorySort sort, int first, int size) {
        if (first < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidSettingsException(first < 0 ? Map.of("page", "must be 0 or more")
                    : Map.of("size", "must be between 1 and " + MAX_PAGE_SIZE));
        }
        CallHistoryQuery query = new CallHistoryQuery(em);
        long total = query.count(filter);
        if (first >= total) {
            return new CallHistoryPage(total, List.of());
        }
        return new CallHistoryPage(total, query.rows(filter, sort).setFirstResult(first).setMaxResults(size)
                .getResultList().stream().map(CallHistoryQuery::row).toList());
    }

    public long count(CallHistoryFilter filter) {
        return new CallHistoryQuery(em).count(filter);
    }

    /** The call detail record with its components, if a call with this serial number is stored. */
    public Optional<CallDetail> detail(String serialNumber) {
        return em.createNamedQuery(CallRecordEntry.BY_SERIAL, CallRecordEntry.class)
                .setParameter("serial", serialNumber).getResultStream().findFirst().map(CallRecords::detail);
    }

    /**
     * Hands every filtered row to {@code sink} in order while the database cursor reads them: the export holds one
     * fetch of rows at a time, however long the history.
     */
    public void export(CallHistoryFilter filter, CallHistorySort sort, Consumer<CallRow> sink) {
        try (Stream<Tuple> rows = new CallHistoryQuery(em).rows(filter, sort)
                .setHint("org.hibernate.fetchSize", EXPORT_FETCH_SIZE).setHint("org.hibernate.readOnly", true)
                .getResultStream()) {
            rows.map(CallHistoryQuery::row).forEach(sink);
        }
    }
}
