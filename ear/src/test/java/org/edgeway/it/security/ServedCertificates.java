package org.edgeway.it.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import org.edgeway.it.ApiClient;
import org.edgeway.it.ServerNode;
import org.edgeway.it.sip.PresentedCertificate;

/** What the certificate tests read: the certificate a node's HTTPS listener presents, its fingerprint, open alarms. */
final class ServedCertificates {

    private ServedCertificates() {
    }

    /** The certificate the node's HTTPS listener presents. */
    static X509Certificate served(ServerNode node) throws Exception {
        URI uri = URI.create(node.httpsUrl());
        return parse(PresentedCertificate.of(uri.getHost(), uri.getPort()).pem());
    }

    static X509Certificate parse(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    /** SHA-256 as the API shows it: colon-separated upper-case hex. */
    static String sha256(X509Certificate c) throws Exception {
        return HexFormat.ofDelimiter(":").withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
    }

    /** How many alarms with this code are not lowered. */
    static long openAlarms(ApiClient api, String code) {
        long n = 0;
        for (JsonNode a : api.get("/status/alarms").json()) {
            if (code.equals(a.path("code").asText()) && !"LOWERED".equals(a.path("state").asText())) {
                n++;
            }
        }
        return n;
    }
}
