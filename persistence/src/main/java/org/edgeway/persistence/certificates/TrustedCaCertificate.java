package org.edgeway.persistence.certificates;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One certificate of Maintenance &gt; Security &gt; Trusted CA certificate: its PEM (what TLS verify trusts) and
 * the parts the list shows, read from it once when it was uploaded. Certificates are added and deleted, never
 * changed.
 */
@Entity
@Table(name = "trusted_ca_certificate")
@NamedQuery(name = TrustedCaCertificate.ALL, query = "select c from TrustedCaCertificate c order by c.id")
@NamedQuery(name = TrustedCaCertificate.BY_FINGERPRINT,
        query = "select c from TrustedCaCertificate c where c.fingerprint = :fingerprint")
public class TrustedCaCertificate {

    public static final String ALL = "TrustedCaCertificate.all";
    public static final String BY_FINGERPRINT = "TrustedCaCertificate.byFingerprint";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String subject;
    @Column(nullable = false)
    private String issuer;
    @Column(name = "not_before", nullable = false)
    private Instant notBefore;
    @Column(name = "not_after", nullable = false)
    private Instant notAfter;
    /** SHA-256 of the DER encoding, colon-separated hex. */
    @Column(nullable = false, unique = true)
    private String fingerprint;
    @Lob
    @Column(nullable = false)
    private String pem;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    protected TrustedCaCertificate() {
    }

    public TrustedCaCertificate(String subject, String issuer, Instant notBefore, Instant notAfter,
            String fingerprint, String pem) {
        this.subject = subject;
        this.issuer = issuer;
        this.notBefore = notBefore;
        this.notAfter = notAfter;
        this.fingerprint = fingerprint;
        this.pem = pem;
    }

    public Long getId() {
        return id;
    }

    public String getSubject() {
        return subject;
    }

    public String getIssuer() {
        return issuer;
    }

    public Instant getNotBefore() {
        return notBefore;
    }

    public Instant getNotAfter() {
        return notAfter;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public String getPem() {
        return pem;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
