package org.edgeway.engine.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.edgeway.engine.Engine;
import org.edgeway.engine.tls.SelfSignedCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SIP over TLS with the JDK's TLS stack as the client: the node's PKCS12 certificate, TLS 1.3 and 1.2, requests
 * and responses on the TLS connection, and a connection that never completes its handshake closed after the
 * configured handshake timeout.
 */
class SipTlsTest {

    private static final String PASSWORD = "changeit";
    private Engine engine;
    private Path keyStore;
    private KeyStore store;
    private int tlsPort;

    @BeforeEach
    void start() throws Exception {
        store = SelfSignedCertificate.create("sip.example.com", PASSWORD.toCharArray());
        keyStore = Files.createTempFile("sip-tls", ".p12");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, PASSWORD.toCharArray());
        Files.write(keyStore, out.toByteArray());
        int port = SipTestSupport.freePort();
        tlsPort = SipTestSupport.freePort();
        SipConfig base = SipTestSupport.config(port);
        SipConfig cfg = base.withProtocol(true, base.udp(), base.tcp(), new SipConfig.Listener(true, tlsPort),
                Duration.ofSeconds(1), base.registrationMinimum(), base.registrationMaximum())
                .withTls(keyStore.toString(), PASSWORD, List.of());
        engine = SipTestSupport.start(cfg);
    }

    @AfterEach
    void stop() throws Exception {
        if (engine != null) {
            engine.close();
        }
        if (keyStore != null) {
            Files.deleteIfExists(keyStore);
        }
    }

    private SSLSocket connect(String protocol) throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), tlsPort);
        s.setEnabledProtocols(new String[] {protocol});
        s.startHandshake();
        return s;
    }

    @Test
    void optionsOverTls13And12() throws Exception {
        assertTrue(engine.snapshot().service(SipService.KEY).listeningAddresses().contains("TLS 127.0.0.1:"
                + tlsPort));
        for (String protocol : List.of("TLSv1.3", "TLSv1.2")) {
            try (SSLSocket socket = connect(protocol); SipClient client = SipClient.over(socket)) {
                assertEquals(protocol, socket.getSession().getProtocol());
                client.sendText(SipListenersTest.OPTIONS.replace("SERVER", String.valueOf(tlsPort))
                        .replace("BRANCH", protocol).replace("TRANSPORT", "TLS"));
                assertEquals(200, client.receive().status());
            }
        }
    }

    @Test
    void aConnectionWithoutHandshakeIsClosedAfterTheTimeout() throws Exception {
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), tlsPort), 2_000);
            plain.setSoTimeout(4_000);
            long start = System.nanoTime();
            assertEquals(-1, plain.getInputStream().read(), "closed by the node");
            assertTrue(System.nanoTime() - start >= 800_000_000L, "not before the 1 s handshake timeout");
        }
    }
}
