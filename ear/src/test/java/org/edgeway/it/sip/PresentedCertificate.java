package org.edgeway.it.sip;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The certificate a TLS server presents in its handshake, taken as an administrator takes it with
 * {@code openssl s_client -showcerts} (accepted unchecked: it is what is about to be trusted), as PEM and with the
 * first DNS name of its SAN (the name peers verify).
 */
public record PresentedCertificate(String pem, String dnsName) {

    private static final int DNS_NAME = 2; // GeneralName tag (RFC 5280 4.2.1.6)

    public static PresentedCertificate of(String host, int port) throws Exception {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {new AcceptAny()}, null);
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(5000);
            socket.startHandshake();
            X509Certificate cert = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(cert.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
            String dns = cert.getSubjectAlternativeNames() == null ? null
                    : cert.getSubjectAlternativeNames().stream()
                            .filter(n -> ((Integer) n.get(0)) == DNS_NAME).map(n -> (String) n.get(1))
                            .findFirst().orElse(null);
            if (dns == null) {
                throw new AssertionError("no DNS name in the SAN of " + cert.getSubjectX500Principal());
            }
            return new PresentedCertificate(pem, dns);
        }
    }

    /** Accepts whatever the server presents: this is how the certificate is obtained, not how it is checked. */
    private static final class AcceptAny implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
