package org.edgeway.engine.sip.traversal;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.edgeway.engine.sip.SipConfig;
import org.edgeway.engine.tls.ReloadingSslContext;

/**
 * TLS for traversal connections. Both ends present the node certificate (the keystore of {@link SipConfig}); with
 * TLS verify On a peer must chain to a trusted CA certificate and carry the expected name in its SAN (seed 001:
 * Expressway checks the SAN, not the CN); with it Off any certificate is accepted.
 */
final class TraversalTls {

    private TraversalTls() {
    }

    static SslContext client(SipConfig cfg, boolean verify) throws IOException, GeneralSecurityException {
        SslContextBuilder b = SslContextBuilder.forClient().sslProvider(SslProvider.JDK)
                .protocols(ReloadingSslContext.PROTOCOLS).keyManager(keys(cfg))
                .endpointIdentificationAlgorithm(null); // the SAN is checked against the zone's name instead
        return trust(b, cfg, verify).build();
    }

    static SslContext server(SipConfig cfg, boolean verify) throws IOException, GeneralSecurityException {
        SslContextBuilder b = SslContextBuilder.forServer(keys(cfg)).sslProvider(SslProvider.JDK)
                .protocols(ReloadingSslContext.PROTOCOLS).clientAuth(verify ? ClientAuth.REQUIRE : ClientAuth.NONE);
        return trust(b, cfg, verify).build();
    }

    private static SslContextBuilder trust(SslContextBuilder b, SipConfig cfg, boolean verify)
            throws GeneralSecurityException {
        if (!verify) {
            return b.trustManager(InsecureTrustManagerFactory.INSTANCE);
        }
        List<X509Certificate> trusted = new ArrayList<>();
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        for (String pem : cfg.trustedCertificates()) {
            Collection<? extends Certificate> certs = factory.generateCertificates(
                    new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            certs.forEach(c -> trusted.add((X509Certificate) c));
        }
        return trusted.isEmpty() ? b : b.trustManager(trusted.toArray(new X509Certificate[0]));
    }

    private static KeyManagerFactory keys(SipConfig cfg) throws IOException, GeneralSecurityException {
        if (cfg.tlsKeyStore() == null) {
            throw new GeneralSecurityException("no TLS keystore configured");
        }
        char[] password = cfg.tlsKeyStorePassword() == null ? new char[0] : cfg.tlsKeyStorePassword().toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(cfg.tlsKeyStore()))) {
            store.load(in, password);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, password);
        return kmf;
    }

    /** Null when the peer certificate names {@code expected} in its SAN, else the reason it fails TLS verify. */
    static String checkSubject(SslHandler ssl, String expected) {
        if (expected == null || expected.isBlank()) {
            return null;
        }
        try {
            Certificate[] chain = ssl.engine().getSession().getPeerCertificates();
            X509Certificate cert = (X509Certificate) chain[0];
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    if (san.size() > 1 && String.valueOf(san.get(1)).toLowerCase(Locale.ROOT)
                            .equals(expected.toLowerCase(Locale.ROOT))) {
                        return null;
                    }
                }
            }
            return "TLS verify failed: " + expected + " is not in the peer certificate's SAN";
        } catch (SSLPeerUnverifiedException | java.security.cert.CertificateParsingException e) {
            return "TLS verify failed: no peer certificate";
        }
    }
}
