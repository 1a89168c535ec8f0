package org.edgeway.persistence.authentication;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A credential of Configuration &gt; Authentication &gt; Devices &gt; Local database: the name and password TURN
 * clients (and later traversal clients) authenticate with. The password is stored encrypted, never in clear.
 */
@Entity
@Table(name = "local_credential")
@NamedQuery(name = LocalCredential.ALL, query = "select c from LocalCredential c order by c.name")
@NamedQuery(name = LocalCredential.BY_NAME, query = "select c from LocalCredential c where c.name = :name")
public class LocalCredential {

    public static final String ALL = "LocalCredential.all";
    public static final String BY_NAME = "LocalCredential.byName";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, unique = true)
    private String name;
    @Column(name = "password_encrypted", nullable = false)
    private String passwordEncrypted;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();
    @Version
    private long version;

    protected LocalCredential() {
    }

    public LocalCredential(String name, String passwordEncrypted) {
        this.name = name;
        this.passwordEncrypted = passwordEncrypted;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPasswordEncrypted() {
        return passwordEncrypted;
    }

    public void setPasswordEncrypted(String passwordEncrypted) {
        this.passwordEncrypted = passwordEncrypted;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
