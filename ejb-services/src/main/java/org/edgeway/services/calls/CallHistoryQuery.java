package org.edgeway.services.calls;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.edgeway.persistence.calls.CallRecordEntry;

/**
 * The history's criteria queries: the filter as predicates, the sort, and only the list's columns selected (no
 * entities, so a long export keeps nothing in the persistence context).
 *
 * <p>Every sort column has an index in each direction (V16), so a page can walk the order's index and stop after
 * its rows. A status or ICE call type filter also has an index, which H2's planner prefers, and then sorts every
 * match: right for a rare value, seconds for a common one at a million calls. {@link #rows} therefore says which
 * path it takes, and the caller picks it from the counts ({@link #walkCheaper}).
 */
final class CallHistoryQuery {

    /** The columns of a {@link CallRow}, in the order {@link CallRecords#row} takes them. */
    static final List<String> ROW = List.of("serialNumber", "tag", "startTime", "endTime", "durationMillis",
            "sourceAlias", "destinationAlias", "protocol", "status", "disconnectReason", "bandwidthKbps",
            "iceCallType");

    private final EntityManager em;

    CallHistoryQuery(EntityManager em) {
        this.em = em;
    }

    /** Walking an order's index costs about a third of what fetching and sorting a row costs (H2, measured). */
    private static final long WALK_ROWS_PER_SORTED_ROW = 3;

    long count(CallHistoryFilter filter) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> q = cb.createQuery(Long.class);
        Root<CallRecordEntry> c = q.from(CallRecordEntry.class);
        return em.createQuery(q.select(cb.count(c)).where(predicates(filter, cb, c, true))).getSingleResult();
    }

    /**
     * How many calls the filter matches, counting no further than {@code limit}: for a filter no index answers
     * (an alias substring), walking the order's index to the limit instead of reading the whole table.
     */
    long countUpTo(CallHistoryFilter filter, CallHistorySort sort, int limit) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> q = cb.createQuery(Long.class);
        Root<CallRecordEntry> c = q.from(CallRecordEntry.class);
        q.select(c.get("id")).where(predicates(filter, cb, c, false)).orderBy(order(sort, cb, c));
        return em.createQuery(q).setMaxResults(limit).getResultList().size();
    }

    /**
     * Whether reading the first {@code rows} of {@code matches} calls (out of {@code stored}) is cheaper along the
     * order's index, skipping the calls the filter rejects, than through the filter's index and a sort.
     */
    static boolean walkCheaper(long rows, long matches, long stored) {
        if (matches == 0) {
            return false;
        }
        double walked = (double) rows * stored / matches;
        return walked <= (double) matches * WALK_ROWS_PER_SORTED_ROW;
    }

    /**
     * The filtered rows in order: along the order's index ({@code walkOrder}: the status and ICE call type
     * conditions are written so the planner cannot use their index) or through the filter's indexes.
     */
    TypedQuery<Tuple> rows(CallHistoryFilter filter, CallHistorySort sort, boolean walkOrder) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Tuple> q = cb.createTupleQuery();
        Root<CallRecordEntry> c = q.from(CallRecordEntry.class);
        q.multiselect(ROW.stream().<jakarta.persistence.criteria.Selection<?>>map(c::get).toList())
                .where(predicates(filter, cb, c, !walkOrder)).orderBy(order(sort, cb, c));
        return em.createQuery(q);
    }

    private static List<jakarta.persistence.criteria.Order> order(CallHistorySort sort, CriteriaBuilder cb,
            Root<CallRecordEntry> c) {
        Expression<?> column = c.get(sort.field().attribute());
        Expression<?> id = c.get("id");
        return sort.ascending() ? List.of(cb.asc(column), cb.asc(id)) : List.of(cb.desc(column), cb.desc(id));
    }

    static CallRow row(Tuple t) {
        return CallRecords.row(t.get(0, String.class), t.get(1, String.class), t.get(2, Instant.class),
                t.get(3, Instant.class), t.get(4, Long.class), t.get(5, String.class), t.get(6, String.class),
                t.get(7, String.class), t.get(8, String.class), t.get(9, String.class), t.get(10, Long.class),
                t.get(11, String.class));
    }

    /** {@code indexed}: status and ICE call type compared as stored (their index usable), else through upper(). */
    private static Predicate[] predicates(CallHistoryFilter f, CriteriaBuilder cb, Root<CallRecordEntry> c,
            boolean indexed) {
        List<Predicate> p = new ArrayList<>();
        if (f.from() != null) {
            p.add(cb.greaterThanOrEqualTo(c.get("startTime"), f.from()));
        }
        if (f.to() != null) {
            p.add(cb.lessThan(c.get("startTime"), f.to()));
        }
        if (f.alias() != null) {
            String pattern = "%" + f.aliasLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                    + "%";
            p.add(cb.or(cb.like(cb.lower(c.get("sourceAlias")), pattern, '\\'),
                    cb.like(cb.lower(c.get("destinationAlias")), pattern, '\\')));
        }
        if (f.iceCallType() != null) {
            p.add(cb.equal(column(c, "iceCallType", cb, indexed), f.iceCallType().name()));
        }
        if (f.status() != null) {
            p.add(cb.equal(column(c, "status", cb, indexed), f.status().name()));
        }
        return p.toArray(Predicate[]::new);
    }

    /** An upper-case enum column as stored, or through upper(): the same rows, but no index for the planner. */
    private static Expression<String> column(Root<CallRecordEntry> c, String name, CriteriaBuilder cb,
            boolean indexed) {
        return indexed ? c.get(name) : cb.upper(c.get(name));
    }
}
