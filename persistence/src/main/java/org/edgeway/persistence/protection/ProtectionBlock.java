package org.edgeway.persistence.protection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A source address blocked in one category until {@code expiresAt} (P41); removed on unblock or expiry. */
@Entity
@Table(name = "protection_block")
@NamedQuery(name = ProtectionBlock.ALL, query = "select b from ProtectionBlock b order by b.blockedSince desc, b.id")
@NamedQuery(name = ProtectionBlock.FIND, query = "select b from ProtectionBlock b where b.categoryId = :category and b.address = :address")
public class ProtectionBlock {

    public static final String ALL = "ProtectionBlock.all";
    public static final String FIND = "ProtectionBlock.find";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "category_id", nullable = false)
    private String categoryId;
    @Column(nullable = false)
    private String address;
    @Column(name = "blocked_since", nullable = false)
    private Instant blockedSince;
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected ProtectionBlock() {
    }

    public ProtectionBlock(String categoryId, String address, Instant blockedSince, Instant expiresAt) {
        this.categoryId = categoryId;
        this.address = address;
        this.blockedSince = blockedSince;
        this.expiresAt = expiresAt;
    }

    public Long getId() {
        return id;
    }

    public String getCategoryId() {
        return categoryId;
    }

    public String getAddress() {
        return address;
    }

    public Instant getBlockedSince() {
        return blockedSince;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public void extend(Instant since, Instant until) {
        this.blockedSince = since;
        this.expiresAt = until;
    }
}
