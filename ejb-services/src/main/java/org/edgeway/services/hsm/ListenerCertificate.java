package org.edgeway.services.hsm;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The certificate the node's own HTTPS listener presents, read by a TLS handshake with it (the key store WildFly
 * loaded at boot is not visible to the application). Only read, never trusted: the caller compares it.
 */
final class ListenerCertificate {

    private static final int HTTPS_PORT = 8443;

    private ListenerCertificate() {
    }

    static X509Certificate served() throws IOException {
        String bind = System.getProperty("jboss.bind.address", "127.0.0.1");
        String host = bind.equals("0.0.0.0") || bind.equals("::") ? "127.0.0.1" : bind;
        int port = HTTPS_PORT + Integer.getInteger("jboss.socket.binding.port-offset", 0);
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {new ReadOnly()}, new SecureRandom());
            try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(host, port)) {
                socket.setSoTimeout(5000);
                socket.startHandshake();
                return (X509Certificate) socket.getSession().getPeerCertificates()[0];
            }
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    /** Accepts whatever is presented: the certificate is compared afterwards, nothing is sent over this connection. */
    private static final class ReadOnly implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // read only
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
