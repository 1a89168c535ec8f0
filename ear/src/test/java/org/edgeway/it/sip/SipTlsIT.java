package org.edgeway.it.sip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.edgeway.engine.TestPorts;
import org.edgeway.engine.sip.SipClient;
import org.edgeway.engine.sip.SipConfig;
import org.edgeway.engine.sip.auth.DigestAlgorithm;
import org.edgeway.engine.sip.auth.DigestClient;
import org.edgeway.engine.sip.message.HeaderNames;
import org.edgeway.engine.sip.message.SipMessage;
import org.edgeway.it.ApiClient;
import org.edgeway.it.Browser;
import org.edgeway.it.Console;
import org.edgeway.it.ServerNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * SIP over TLS at a deployed Expressway-E, with the JDK's TLS stack as the user agent: the SIP TLS port presents
 * the node's own certificate (the one its HTTPS port serves) over TLS 1.3 and 1.2; a device registers with digest
 * over TLS and shows on Status &gt; Registrations with transport TLS; OPTIONS and CRLF keep-alives are answered; a
 * connection that never handshakes is closed after the handshake timeout set on the SIP page; a TLS 1.1 hello and
 * plain SIP on the TLS port are refused. Also: a fresh E shows "MRA Registration: Current" and "Peak" at 0 on
 * Status &gt; Overview and in GET /status/sip.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SipTlsIT {

    static final String PASSWORD = "Edgeway-siptls-2026";
    static final String DEVICE_PASSWORD = "bob-Secret-1";
    /** Below the 5 s default, so a close at this time is the configured value's doing. */
    static final int HANDSHAKE_TIMEOUT_SECONDS = 1;

    ServerNode node;
    ApiClient api;
    int tlsPort;

    @BeforeAll
    void start() throws Exception {
        node = new ServerNode("sip-tls", 70, "--role", "E").fresh().start();
        try (Browser browser = new Browser()) {
            Console.firstLogin(browser, node, PASSWORD);
        }
        api = ApiClient.as(node, "admin", PASSWORD);
        tlsPort = TestPorts.port();
        api.post("/configuration/authentication/local-database",
                "{\"name\":\"bob\",\"password\":" + ApiClient.quote(DEVICE_PASSWORD) + "}").expect(201);
        api.post("/configuration/domains", "{\"name\":\"example.com\",\"sipRegistrations\":true}").expect(201);
        api.put("/configuration/sip", "{\"enabled\":true,\"udpEnabled\":false,\"tcpPort\":" + TestPorts.port()
                + ",\"tlsEnabled\":true,\"tlsPort\":" + tlsPort + ",\"tlsHandshakeTimeout\":"
                + HANDSHAKE_TIMEOUT_SECONDS + "}").expect(200);
        api.waitFor("/status/sip", s -> "Active".equals(s.path("state").asText())
                && s.path("listening").toString().contains("TLS 127.0.0.1:" + tlsPort));
    }

    @AfterAll
    void stop() throws Exception {
        if (node != null) {
            node.stop();
        }
    }

    /** A TLS connection to the SIP TLS port trusting only the node's own certificate, with one protocol. */
    private SSLSocket tls(String protocol) throws Exception {
        return handshake(tlsPort, protocol);
    }

    private SSLSocket handshake(int port, String protocol) throws Exception {
        SSLSocket s = (SSLSocket) node.sslContext().getSocketFactory().createSocket(InetAddress.getLoopbackAddress(),
                port);
        s.setSoTimeout(10_000);
        s.setEnabledProtocols(new String[] {protocol});
        s.startHandshake();
        return s;
    }

    @Test
    void theTlsPortPresentsTheNodesCertificateAndAnswersOptionsOverTls13And12() throws Exception {
        Certificate https;
        try (SSLSocket s = handshake(URI.create(node.httpsUrl()).getPort(), "TLSv1.3")) {
            https = s.getSession().getPeerCertificates()[0];
        }
        for (String protocol : List.of("TLSv1.3", "TLSv1.2")) {
            try (SSLSocket socket = tls(protocol); SipClient client = SipClient.over(socket)) {
                assertEquals(protocol, socket.getSession().getProtocol());
                assertArrayEquals(https.getEncoded(), socket.getSession().getPeerCertificates()[0].getEncoded(),
                        "SIP TLS presents the node's certificate, the one HTTPS serves");
                client.send(options(protocol, client.localPort()));
                SipMessage ok = client.receive();
                assertEquals(200, ok.status(), String.valueOf(ok));
                assertEquals("tls-options-" + protocol, ok.callId());
            }
        }
    }

    @Test
    void aDeviceRegistersWithDigestOverTlsAndShowsWithTransportTls() throws Exception {
        try (SSLSocket socket = tls("TLSv1.3"); SipClient client = SipClient.over(socket)) {
            client.send(register(1, client.localPort(), null));
            SipMessage challenge = client.finalResponse();
            assertEquals(401, challenge.status(), String.valueOf(challenge));
            String www = challenge.header(HeaderNames.WWW_AUTHENTICATE);
            assertTrue(www.contains("SHA-256"), www);
            String auth = DigestClient.authorization(DigestAlgorithm.SHA_256, "bob", DEVICE_PASSWORD,
                    realm(www), DigestClient.nonce(www), "REGISTER", "sip:example.com");
            client.send(register(2, client.localPort(), auth));
            SipMessage ok = client.finalResponse();
            assertEquals(200, ok.status(), String.valueOf(ok));

            JsonNode bob = registration("sip:bob@example.com");
            assertEquals("TLS", bob.path("transport").asText(), bob.toString());
            assertEquals("127.0.0.1:" + client.localPort(), bob.path("sourceAddress").asText(), bob.toString());
            assertTrue(bob.path("expiresInSeconds").asInt() > 0, bob.toString());
        } finally {
            api.post("/status/registrations/unregister", "{\"addressesOfRecord\":[\"sip:bob@example.com\"]}")
                    .expect(204);
        }
    }

    @Test
    void crlfKeepAlivesAreAnsweredOverTls() throws Exception {
        try (SSLSocket socket = tls("TLSv1.3"); SipClient client = SipClient.over(socket)) {
            client.send("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            assertArrayEquals("\r\n".getBytes(StandardCharsets.ISO_8859_1), client.readRaw(2), "RFC 5626 pong");
            client.send(options("after-keepalive", client.localPort()));
            assertEquals(200, client.receive().status(), "the connection still carries SIP");
        }
    }

    @Test
    void aConnectionThatNeverHandshakesIsClosedAfterTheConfiguredTimeout() throws Exception {
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), tlsPort), 5_000);
            plain.setSoTimeout(15_000);
            long start = System.nanoTime();
            byte[] sent = readUntilClosed(plain.getInputStream());
            assertEquals(0, sent.length, "nothing is sent to a client that never says hello");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis >= HANDSHAKE_TIMEOUT_SECONDS * 1000L - 200, "closed too early: " + millis + " ms");
            long defaultMillis = SipConfig.defaults().tlsHandshakeTimeout().toMillis();
            assertTrue(millis < defaultMillis, "not the configured " + HANDSHAKE_TIMEOUT_SECONDS + " s: " + millis
                    + " ms");
        }
    }

    @Test
    void aTls11HelloIsRefused() throws Exception {
        try (Socket raw = new Socket()) {
            raw.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), tlsPort), 5_000);
            raw.setSoTimeout(10_000);
            raw.getOutputStream().write(tls11ClientHello());
            raw.getOutputStream().flush();
            byte[] answer = readUntilClosed(raw.getInputStream());
            // one alert record (type 21; a handshake record, 22, would be a ServerHello), then the node closes
            assertEquals(7, answer.length, java.util.HexFormat.of().formatHex(answer));
            assertEquals(21, answer[0], "an alert record");
            assertEquals(2, answer[5], "fatal");
            assertEquals(70, answer[6], "protocol_version (RFC 8446 6.2)");
        }
    }

    @Test
    void plainSipOnTheTlsPortIsRefused() throws Exception {
        try (Socket raw = new Socket()) {
            raw.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), tlsPort), 5_000);
            raw.setSoTimeout(10_000);
            raw.getOutputStream().write(options("plain", raw.getLocalPort()));
            raw.getOutputStream().flush();
            byte[] answer = readUntilClosed(raw.getInputStream());
            String text = new String(answer, StandardCharsets.ISO_8859_1);
            assertTrue(!text.contains("SIP/2.0"), "answered in clear: " + text);
        }
        try (SSLSocket socket = tls("TLSv1.3"); SipClient client = SipClient.over(socket)) {
            client.send(options("after-plain", client.localPort()));
            assertEquals(200, client.receive().status(), "the TLS port still serves");
        }
    }

    @Test
    void aFreshExpresswayEShowsMraRegistrationsAtZero() throws Exception {
        JsonNode mra = api.get("/status/sip").json().path("mraRegistrations");
        assertTrue(mra.path("current").isInt() && mra.path("peak").isInt(), mra.toString());
        assertEquals(0, mra.path("current").asInt());
        assertEquals(0, mra.path("peak").asInt());
        try (Browser browser = new Browser()) {
            Console.login(browser, node, "admin", PASSWORD);
            browser.waitForUrlContaining("/status/overview");
            browser.open(node.baseUrl() + "/status/overview");
            assertEquals("0", browser.text("overviewForm:mraRegistrationsCurrent"));
            assertEquals("0", browser.text("overviewForm:mraRegistrationsPeak"));
            String page = browser.find("overviewForm").getText();
            assertTrue(page.contains("MRA Registration: Current") && page.contains("MRA Registration: Peak"), page);
        }
    }

    private JsonNode registration(String aor) {
        JsonNode all = api.get("/status/registrations").json();
        for (JsonNode r : all) {
            if (aor.equals(r.path("addressOfRecord").asText())) {
                return r;
            }
        }
        throw new AssertionError(aor + " not registered: " + all);
    }

    /** Everything the peer sends until it closes the connection (a reset counts as closed). */
    private static byte[] readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        try {
            for (int n; (n = in.read(buf)) >= 0;) {
                out.write(buf, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the node kept the connection open; it sent: " + out.size() + " bytes", e);
        } catch (IOException e) {
            // reset by the node: closed
        }
        return out.toByteArray();
    }

    private byte[] options(String id, int localPort) {
        return crlf("OPTIONS sip:127.0.0.1:" + tlsPort + " SIP/2.0\n"
                + "Via: SIP/2.0/TLS 127.0.0.1:" + localPort + ";branch=z9hG4bK-tls-" + id + ";rport\n"
                + "From: <sip:probe@example.com>;tag=t1\nTo: <sip:127.0.0.1:" + tlsPort + ">\n"
                + "Call-ID: tls-options-" + id + "\nCSeq: 1 OPTIONS\nMax-Forwards: 70\nContent-Length: 0\n\n");
    }

    private static byte[] register(int cseq, int localPort, String authorization) {
        return crlf("REGISTER sip:example.com SIP/2.0\n"
                + "Via: SIP/2.0/TLS 127.0.0.1:" + localPort + ";branch=z9hG4bK-tls-reg-" + cseq + ";rport\n"
                + "From: <sip:bob@example.com>;tag=b1\nTo: <sip:bob@example.com>\nCall-ID: tls-register\n"
                + "CSeq: " + cseq + " REGISTER\nContact: <sip:bob@127.0.0.1:" + localPort + ";transport=tls>\n"
                + "Expires: 600\nMax-Forwards: 70\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\n") + "Content-Length: 0\n\n");
    }

    private static String realm(String challenge) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("realm=\"([^\"]*)\"").matcher(challenge);
        assertTrue(m.find(), challenge);
        return m.group(1);
    }

    private static byte[] crlf(String text) {
        return text.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * A TLS 1.1 ClientHello (RFC 4346 7.4.1.2): client_version 3.2, no supported_versions extension, TLS 1.1
     * cipher suites. The JDK refuses to send one (TLS 1.1 is disabled in java.security), so it is written out.
     */
    private static byte[] tls11ClientHello() {
        ByteArrayOutputStream hello = new ByteArrayOutputStream();
        hello.write(3);
        hello.write(2); // client_version TLS 1.1
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        hello.writeBytes(random);
        hello.write(0); // no session id
        int[] suites = {0xc013, 0xc014, 0x002f, 0x0035}; // ECDHE-RSA / RSA with AES-CBC-SHA
        hello.write(0);
        hello.write(suites.length * 2);
        for (int s : suites) {
            hello.write(s >> 8);
            hello.write(s & 0xff);
        }
        hello.write(1);
        hello.write(0); // null compression
        byte[] body = hello.toByteArray();
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.writeBytes(new byte[] {22, 3, 1, 0, 0}); // handshake record, TLS 1.0 record version
        record.write(1); // client_hello
        record.write(0);
        record.write(body.length >> 8);
        record.write(body.length & 0xff);
        record.writeBytes(body);
        byte[] out = record.toByteArray();
        int length = out.length - 5;
        out[3] = (byte) (length >> 8);
        out[4] = (byte) length;
        return out;
    }
}
