package org.edgeway.services.certificates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.edgeway.engine.tls.SelfSignedCertificate;
import org.edgeway.services.validation.InvalidSettingsException;
import org.junit.jupiter.api.Test;

class PemCertificatesTest {

    private static String pem(String host) throws Exception {
        KeyStore store = SelfSignedCertificate.create(host, "pw".toCharArray());
        X509Certificate c = (X509Certificate) store.getCertificate(SelfSignedCertificate.ALIAS);
        // line length and line ends as other tools write them: the parser must not depend on ours
        return "-----BEGIN CERTIFICATE-----\r\n"
                + Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(c.getEncoded())
                + "\r\n-----END CERTIFICATE-----\r\n";
    }

    private static String message(String text) {
        return assertThrows(InvalidSettingsException.class, () -> PemCertificates.parse(text)).fieldErrors()
                .get(PemCertificates.FIELD);
    }

    @Test
    void readsEveryCertificateOfABundle() throws Exception {
        List<PemCertificates.Parsed> parsed = PemCertificates.parse("issuer bundle\n" + pem("a.example.com")
                + "between\n" + pem("b.example.com"));
        assertEquals(2, parsed.size());
        assertTrue(parsed.get(1).certificate().getSubjectX500Principal().getName().contains("CN=b.example.com"));
        assertEquals(32 * 3 - 1, parsed.get(0).fingerprint().length());
        assertTrue(parsed.get(0).pem().startsWith("-----BEGIN CERTIFICATE-----\n"));
        // the stored form parses to the same certificate
        assertEquals(parsed.get(0).certificate(), PemCertificates.parse(parsed.get(0).pem()).get(0).certificate());
    }

    @Test
    void aBadBlockIsNamedByItsPosition() throws Exception {
        String good = pem("a.example.com");
        assertEquals("certificate 2 is not valid base64",
                message(good + "-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----"));
        assertEquals("certificate 2 is not a valid X.509 certificate",
                message(good + "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"));
        assertEquals("certificate 2 has no -----END CERTIFICATE----- line",
                message(good + "-----BEGIN CERTIFICATE-----\nAAAA\n"));
    }

    @Test
    void privateKeysAndTextWithoutCertificatesAreRefused() throws Exception {
        assertTrue(message(pem("a.example.com") + "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----")
                .contains("PRIVATE KEY"));
        assertTrue(message("hello").startsWith("contains no"));
        assertTrue(message("  ").startsWith("is empty"));
    }
}
