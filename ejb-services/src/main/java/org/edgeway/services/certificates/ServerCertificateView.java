package org.edgeway.services.certificates;

import java.io.Serializable;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A server certificate as Maintenance &gt; Security &gt; Server certificate shows it.
 *
 * @param alternativeNames   "DNS:name", "IP:address", "XMPP:..." in certificate order
 * @param key                "RSA 4096 bits", "EC 256 bits"
 * @param extendedKeyUsages  "Server Authentication", "Client Authentication"; empty when the extension is absent
 * @param pem                the certificate chain as PEM (leaf first)
 */
public record ServerCertificateView(String subject, String issuer, List<String> alternativeNames, Instant notBefore,
        Instant notAfter, String serialNumber, String key, String signatureAlgorithm, List<String> extendedKeyUsages,
        String sha1Fingerprint, String sha256Fingerprint, String pem) implements Serializable {

    private static final Map<String, String> PURPOSES = Map.of("1.3.6.1.5.5.7.3.1", "Server Authentication",
            "1.3.6.1.5.5.7.3.2", "Client Authentication");
    private static final Map<Integer, String> NAME_TYPES = Map.of(0, "othername", 1, "email", 2, "DNS", 6, "URI",
            7, "IP");

    /** The view of a chain (leaf first). */
    static ServerCertificateView of(List<X509Certificate> chain) {
        X509Certificate leaf = chain.get(0);
        try {
            StringBuilder pem = new StringBuilder();
            for (X509Certificate c : chain) {
                pem.append(PemCertificates.pem(c));
            }
            return new ServerCertificateView(leaf.getSubjectX500Principal().getName(),
                    leaf.getIssuerX500Principal().getName(), alternativeNames(leaf),
                    leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant(),
                    leaf.getSerialNumber().toString(16).toUpperCase(), key(leaf), leaf.getSigAlgName(),
                    extendedKeyUsages(leaf), PemCertificates.fingerprint("SHA-1", leaf),
                    PemCertificates.fingerprint(leaf), pem.toString());
        } catch (CertificateEncodingException | CertificateParsingException e) {
            throw new IllegalStateException("cannot read the certificate", e);
        }
    }

    static List<String> extendedKeyUsages(X509Certificate c) throws CertificateParsingException {
        List<String> oids = c.getExtendedKeyUsage();
        return oids == null ? List.of() : oids.stream().map(o -> PURPOSES.getOrDefault(o, o)).toList();
    }

    private static List<String> alternativeNames(X509Certificate c) throws CertificateParsingException {
        Collection<List<?>> names = c.getSubjectAlternativeNames();
        List<String> out = new ArrayList<>();
        if (names != null) {
            for (List<?> n : names) {
                String type = NAME_TYPES.getOrDefault((Integer) n.get(0), String.valueOf(n.get(0)));
                out.add(type + ":" + (n.get(1) instanceof String s ? s : "(encoded)"));
            }
        }
        return out;
    }

    private static String key(X509Certificate c) {
        if (c.getPublicKey() instanceof RSAKey rsa) {
            return "RSA " + rsa.getModulus().bitLength() + " bits";
        }
        if (c.getPublicKey() instanceof ECKey ec) {
            return "EC " + ec.getParams().getCurve().getField().getFieldSize() + " bits";
        }
        return c.getPublicKey().getAlgorithm();
    }

    public String getSubject() {
        return subject;
    }

    public String getIssuer() {
        return issuer;
    }

    public String getAlternativeNamesText() {
        return String.join(", ", alternativeNames);
    }

    public Instant getNotBefore() {
        return notBefore;
    }

    public Instant getNotAfter() {
        return notAfter;
    }

    public String getSerialNumber() {
        return serialNumber;
    }

    public String getKey() {
        return key;
    }

    public String getSignatureAlgorithm() {
        return signatureAlgorithm;
    }

    public String getExtendedKeyUsagesText() {
        return extendedKeyUsages.isEmpty() ? "(any purpose: no extended key usage extension)"
                : String.join(", ", extendedKeyUsages);
    }

    public String getSha1Fingerprint() {
        return sha1Fingerprint;
    }

    public String getSha256Fingerprint() {
        return sha256Fingerprint;
    }

    public String getPem() {
        return pem;
    }
}
