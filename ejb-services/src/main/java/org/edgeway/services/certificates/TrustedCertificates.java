package org.edgeway.services.certificates;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.edgeway.persistence.certificates.TrustedCaCertificate;
import org.edgeway.services.configlog.Changes;
import org.edgeway.services.configlog.ConfigurationLog;
import org.edgeway.services.security.Caller;
import org.edgeway.services.system.SettingsChanged;
import org.edgeway.services.validation.InvalidSettingsException;

/**
 * Maintenance &gt; Security &gt; Trusted CA certificate: upload (one or many PEM certificates, all or none),
 * list, delete. The certificates reach the SIP engine's TLS verify with the next configuration.
 */
@Stateless
public class TrustedCertificates {

    public static final String PAGE = "Maintenance > Security > Trusted CA certificate";

    @PersistenceContext
    private EntityManager em;
    @Inject
    private Caller caller;
    @Inject
    private ConfigurationLog configurationLog;
    @Inject
    private Event<SettingsChanged> settingsChanged;

    public List<CertificateView> list() {
        return all().stream().map(c -> new CertificateView(c.getId(), c.getSubject(), c.getIssuer(),
                c.getNotBefore(), c.getNotAfter(), c.getFingerprint())).toList();
    }

    /**
     * Adds every certificate of the PEM text; returns the ids added. A certificate already trusted (same
     * fingerprint) is refused, and a bad block refuses the whole upload, so nothing is half-stored.
     */
    public List<Long> upload(String pem) {
        caller.requireWrite();
        List<PemCertificates.Parsed> parsed = PemCertificates.parse(pem);
        List<String> fingerprints = new ArrayList<>();
        for (PemCertificates.Parsed p : parsed) {
            boolean known = fingerprints.contains(p.fingerprint())
                    || !em.createNamedQuery(TrustedCaCertificate.BY_FINGERPRINT, TrustedCaCertificate.class)
                            .setParameter("fingerprint", p.fingerprint()).getResultList().isEmpty();
            if (known) {
                throw new InvalidSettingsException(Map.of(PemCertificates.FIELD, "certificate "
                        + p.certificate().getSubjectX500Principal().getName() + " is already trusted"));
            }
            fingerprints.add(p.fingerprint());
        }
        Changes changes = new Changes(PAGE);
        List<TrustedCaCertificate> added = new ArrayList<>();
        for (PemCertificates.Parsed p : parsed) {
            TrustedCaCertificate c = new TrustedCaCertificate(p.certificate().getSubjectX500Principal().getName(),
                    p.certificate().getIssuerX500Principal().getName(), p.certificate().getNotBefore().toInstant(),
                    p.certificate().getNotAfter().toInstant(), p.fingerprint(), p.pem());
            em.persist(c);
            added.add(c);
            changes.compare("Certificate " + c.getSubject() + " (" + c.getFingerprint() + ")", null, "added");
        }
        em.flush();
        configurationLog.record(changes);
        settingsChanged.fire(new SettingsChanged(PAGE));
        return added.stream().map(TrustedCaCertificate::getId).toList();
    }

    public void delete(List<Long> ids) {
        caller.requireWrite();
        Changes changes = new Changes(PAGE);
        for (Long id : ids) {
            TrustedCaCertificate c = em.find(TrustedCaCertificate.class, id);
            if (c != null) {
                em.remove(c);
                changes.compare("Certificate " + c.getSubject() + " (" + c.getFingerprint() + ")", "present",
                        "deleted");
            }
        }
        if (!changes.isEmpty()) {
            configurationLog.record(changes);
            settingsChanged.fire(new SettingsChanged(PAGE));
        }
    }

    /** The PEM of every trusted certificate, for the engine. */
    public List<String> pemsForEngine() {
        return all().stream().map(TrustedCaCertificate::getPem).toList();
    }

    private List<TrustedCaCertificate> all() {
        return em.createNamedQuery(TrustedCaCertificate.ALL, TrustedCaCertificate.class).getResultList();
    }
}
