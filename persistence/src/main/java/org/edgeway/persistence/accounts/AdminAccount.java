package org.edgeway.persistence.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** An administrator account of the console (Users > Administrator accounts). Only a password hash is stored. */
@Entity
@Table(name = "admin_account")
@NamedQuery(name = AdminAccount.BY_NAME, query = "select a from AdminAccount a where a.name = :name")
@NamedQuery(name = AdminAccount.ALL, query = "select a from AdminAccount a order by a.name")
@NamedQuery(name = AdminAccount.COUNT_WRITERS,
        query = "select count(a) from AdminAccount a where a.accessLevel = 'READ_WRITE' and a.enabled = true")
public class AdminAccount {

    public static final String BY_NAME = "AdminAccount.byName";
    public static final String ALL = "AdminAccount.all";
    public static final String COUNT_WRITERS = "AdminAccount.countWriters";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, unique = true)
    private String name;
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;
    /** {@code READ_WRITE} or {@code READ_ONLY}. */
    @Column(name = "access_level", nullable = false)
    private String accessLevel;
    @Column(nullable = false)
    private boolean enabled = true;
    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();
    @Column(name = "last_login_at")
    private Instant lastLoginAt;
    @Version
    private long version;

    protected AdminAccount() {
    }

    public AdminAccount(String name, String passwordHash, String accessLevel) {
        this.name = name;
        this.passwordHash = passwordHash;
        this.accessLevel = accessLevel;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public String getAccessLevel() {
        return accessLevel;
    }

    public void setAccessLevel(String accessLevel) {
        this.accessLevel = accessLevel;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public void setMustChangePassword(boolean mustChangePassword) {
        this.mustChangePassword = mustChangePassword;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }

    public void setLastLoginAt(Instant lastLoginAt) {
        this.lastLoginAt = lastLoginAt;
    }
}
