package org.edgeway.engine.sip;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;
import org.edgeway.engine.tls.ReloadingSslContext;

/** The client side of SIP over TLS: trusts the configured trusted CA certificates (PEM), TLS 1.2 and 1.3. */
final class SipTls {

    private SipTls() {
    }

    static SslContext client(List<String> trustedPem) throws SSLException, GeneralSecurityException {
        SslContextBuilder b = SslContextBuilder.forClient().sslProvider(SslProvider.JDK)
                .protocols(ReloadingSslContext.PROTOCOLS);
        List<X509Certificate> trusted = new ArrayList<>();
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        for (String pem : trustedPem) {
            for (var c : factory.generateCertificates(new ByteArrayInputStream(pem.getBytes(
                    StandardCharsets.US_ASCII)))) {
                trusted.add((X509Certificate) c);
            }
        }
        if (!trusted.isEmpty()) {
            b.trustManager(trusted.toArray(new X509Certificate[0]));
        }
        return b.build();
    }
}
