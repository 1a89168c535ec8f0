package org.edgeway.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import org.edgeway.engine.tls.SelfSignedCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfSignedCertificateTest {

    @Test
    void writesOnceWithHostNameInSubjectAlternativeName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tls/https.p12");
        char[] password = "secret".toCharArray();
        assertTrue(SelfSignedCertificate.createIfAbsent(file, password, "expe.example.com"));
        byte[] first = Files.readAllBytes(file);
        assertFalse(SelfSignedCertificate.createIfAbsent(file, password, "other.example.com"), "kept at restart");
        assertEquals(first.length, Files.readAllBytes(file).length);

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        X509Certificate cert = (X509Certificate) store.getCertificate(SelfSignedCertificate.ALIAS);
        cert.checkValidity();
        cert.verify(cert.getPublicKey());
        List<String> sans = cert.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))).toList();
        assertTrue(sans.contains("expe.example.com"), sans.toString());
        assertTrue(cert.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "serverAuth");
    }
}
