package org.edgeway.it.zones;

import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.edgeway.engine.tls.SelfSignedCertificate;

/** Real X.509 certificates for upload tests, made by the product's own self-signed certificate generator. */
final class TestCertificates {

    private TestCertificates() {
    }

    static X509Certificate create(String hostName) throws Exception {
        KeyStore store = SelfSignedCertificate.create(hostName, "changeit".toCharArray());
        return (X509Certificate) store.getCertificate(SelfSignedCertificate.ALIAS);
    }

    static String pem(X509Certificate c) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(c.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }
}
