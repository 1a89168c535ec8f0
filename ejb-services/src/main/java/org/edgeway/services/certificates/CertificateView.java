package org.edgeway.services.certificates;

import java.io.Serializable;
import java.time.Instant;

/** A trusted CA certificate as listed. */
public record CertificateView(long id, String subject, String issuer, Instant notBefore, Instant notAfter,
        String fingerprint) implements Serializable {

    public long getId() {
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
}
