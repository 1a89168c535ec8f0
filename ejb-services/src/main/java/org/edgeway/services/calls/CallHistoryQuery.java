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

    long count(CallHistoryFilter filter) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> q = cb.createQuery(Long.class);
        Root<CallRecordEntry> c = q.from(CallRecordEntry.class);
        return em.createQuery(q.select(cb.count(c)).where(predicates(filter, cb, c))).getSingleResult();
    }

    TypedQuery<Tuple> rows(CallHistoryFilter filter, CallHistorySort sort) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Tuple> q = cb.createTupleQuery();
        Root<CallRecordEntry> c = q.from(CallRecordEntry.class);
        q.multiselect(ROW.stream().<jakarta.persistence.criteria.Selection<?>>map(c::get).toList())
                .where(predicates(filter, cb, c));
        Expression<?> column = c.get(sort.field().attribute());
        Expression<?> id = c.get("id");
        q.orderBy(sort.ascending() ? cb.asc(column) : cb.desc(column), sort.ascending() ? cb.asc(id) : cb.desc(id));
        return em.createQuery(q);
    }

    static CallRow row(Tuple t) {
        return CallRecords.row(t.get(0, String.class), t.get(1, String.class), t.get(2, Instant.class),
                t.get(3, Instant.class), t.get(4, Long.class), t.get(5, String.class), t.get(6, String.class),
                t.get(7, String.class), t.get(8, String.class), t.get(9, String.class), t.get(10, Long.class),
                t.get(11, String.class));
    }

    private static Predicate[] predicates(CallHistoryFilter f, CriteriaBuilder cb, Root<CallRecordEntry> c) {
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
            p.add(cb.equal(c.get("iceCallType"), f.iceCallType().name()));
        }
        if (f.status() != null) {
            p.add(cb.equal(c.get("status"), f.status().name()));
        }
        return p.toArray(Predicate[]::new);
    }
}
