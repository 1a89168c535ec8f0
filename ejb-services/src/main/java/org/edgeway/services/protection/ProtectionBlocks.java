package org.edgeway.services.protection;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.edgeway.persistence.protection.ProtectionBlock;

/**
 * The stored blocks, each write in its own transaction: a block stands even when the request that caused it (a
 * failed login) rolls back, and survives a restart until it expires.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ProtectionBlocks {

    @PersistenceContext
    private EntityManager em;

    /** Stores the block of this address in this category (a renewed block keeps its row); returns its id. */
    public long store(String category, String address, Instant since, Instant until) {
        ProtectionBlock b = em.createNamedQuery(ProtectionBlock.FIND, ProtectionBlock.class)
                .setParameter("category", category).setParameter("address", address)
                .getResultStream().findFirst().orElse(null);
        if (b == null) {
            b = new ProtectionBlock(category, address, since, until);
            em.persist(b);
        } else {
            b.extend(since, until);
        }
        em.flush();
        return b.getId();
    }

    public List<ProtectionBlock> all() {
        return em.createNamedQuery(ProtectionBlock.ALL, ProtectionBlock.class).getResultList();
    }

    /** Removes the block if it has ended by {@code now} (not one renewed in the meantime). */
    public void removeIfEnded(long id, Instant now) {
        ProtectionBlock b = em.find(ProtectionBlock.class, id);
        if (b != null && !b.getExpiresAt().isAfter(now)) {
            em.remove(b);
        }
    }

    public void remove(long id) {
        ProtectionBlock b = em.find(ProtectionBlock.class, id);
        if (b != null) {
            em.remove(b);
        }
    }
}
