package org.edgeway.engine.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.edgeway.engine.Engine;
import org.edgeway.engine.EngineConfig;
import org.edgeway.engine.NodeRole;
import org.edgeway.engine.SystemSize;
import org.edgeway.engine.sip.SipSnapshot.MraRegistrationCount;
import org.edgeway.engine.sip.SipSnapshot.ZoneStatus;
import org.edgeway.engine.sip.auth.DigestAlgorithm;
import org.edgeway.engine.sip.auth.DigestClient;
import org.edgeway.engine.sip.message.HeaderNames;
import org.edgeway.engine.sip.message.Responses;
import org.edgeway.engine.sip.message.SipCodec;
import org.edgeway.engine.sip.message.SipMessage;
import org.edgeway.engine.tls.SelfSignedCertificate;
import org.edgeway.engine.zones.SearchRule;
import org.edgeway.engine.zones.ZoneConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An Expressway-C and an Expressway-E as two engines in one JVM on loopback: the C's traversal client zone connects
 * out over TLS (TLS verify On both ways, each trusting the other's certificate, subject names in the SAN) and
 * authenticates; a request from outside reaches a device registered at the C through that connection; the link
 * comes back by itself after the E restarts; wrong credentials and a wrong subject name give Failed with the reason.
 */
class TraversalPairTest {

    private static final String PASSWORD = "changeit";
    private final List<Engine> engines = new ArrayList<>();
    private final List<Path> files = new ArrayList<>();
    private Path keyE;
    private Path keyC;
    private String pemE;
    private String pemC;
    private int portE;
    private int portC;
    private int zonePort;

    @BeforeEach
    void keys() throws Exception {
        KeyStore e = SelfSignedCertificate.create("e.example.com", PASSWORD.toCharArray());
        KeyStore c = SelfSignedCertificate.create("c.example.com", PASSWORD.toCharArray());
        keyE = write(e);
        keyC = write(c);
        pemE = pem(e.getCertificate(SelfSignedCertificate.ALIAS));
        pemC = pem(c.getCertificate(SelfSignedCertificate.ALIAS));
        portE = SipTestSupport.freePort();
        portC = SipTestSupport.freePort();
        zonePort = SipTestSupport.freePort();
    }

    @AfterEach
    void stop() throws Exception {
        for (Engine engine : engines) {
            engine.close();
        }
        for (Path p : files) {
            Files.deleteIfExists(p);
        }
    }

    private Path write(KeyStore store) throws Exception {
        Path p = Files.createTempFile("traversal", ".p12");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, PASSWORD.toCharArray());
        Files.write(p, out.toByteArray());
        files.add(p);
        return p;
    }

    private static String pem(Certificate cert) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(
                cert.getEncoded()) + "\n-----END CERTIFICATE-----\n";
    }

    private SipConfig expresswayE() {
        return expresswayE(ZoneConfig.ZoneType.TRAVERSAL_SERVER);
    }

    private SipConfig expresswayE(ZoneConfig.ZoneType type) {
        ZoneConfig server = new ZoneConfig(2, "TraversalServer", type, 15, true,
                ZoneConfig.Transport.TLS, zonePort, List.of(), true, "c.example.com", "cuser", null,
                ZoneConfig.AuthenticationPolicy.DO_NOT_CHECK_CREDENTIALS, ZoneConfig.MediaEncryption.AUTO, false,
                false, null);
        return SipTestSupport.config(portE).withCredentials("TANDBERG", Map.of("cuser", "cpass"))
                .withDomains(List.of()).withZones(List.of(server))
                .withSearchRules(List.of(SipTestSupport.rule(1, "inward", 10, SearchRule.PatternType.SUFFIX,
                        "example.com", SearchRule.PatternBehavior.LEAVE, null, "TraversalServer")))
                .withTls(keyE.toString(), PASSWORD, List.of(pemC));
    }

    private SipConfig expresswayC(String password, String serverName) {
        return expresswayC(password, serverName, ZoneConfig.ZoneType.TRAVERSAL_CLIENT);
    }

    private SipConfig expresswayC(String password, String serverName, ZoneConfig.ZoneType type) {
        ZoneConfig client = new ZoneConfig(3, "TraversalClient", type, 15, true,
                ZoneConfig.Transport.TLS, zonePort, List.of("127.0.0.1"), true, serverName, "cuser", password,
                ZoneConfig.AuthenticationPolicy.DO_NOT_CHECK_CREDENTIALS, ZoneConfig.MediaEncryption.AUTO, false,
                false, Duration.ofSeconds(1));
        return SipTestSupport.config(portC).withCredentials("TANDBERG", Map.of("inside", "inpass", "outsider", "outpass"))
                .withZones(List.of(client))
                .withSearchRules(List.of(SipTestSupport.rule(1, "registered", 10, SearchRule.PatternType.SUFFIX,
                        "@example.com", SearchRule.PatternBehavior.LEAVE, null, SearchRule.LOCAL_ZONE)))
                .withTls(keyC.toString(), PASSWORD, List.of(pemE));
    }

    private Engine start(NodeRole role, SipConfig sip) {
        Engine engine = new Engine(null, List.of(new SipService()));
        engine.start(new EngineConfig(role, SystemSize.SMALL, role == NodeRole.EXPRESSWAY_E ? "e.example.com"
                : "c.example.com", "127.0.0.1").with(SipService.KEY, sip));
        engines.add(engine);
        return engine;
    }

    private static ZoneStatus zone(Engine engine) {
        return engine.snapshot().service(SipService.KEY).zones().get(0);
    }

    /** Waits for a condition (polling), failing with {@code detail} after the timeout. */
    private static void await(Supplier<Boolean> condition, long millis, Supplier<String> detail)
            throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (!condition.get()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met: " + detail.get());
            }
            Thread.sleep(20);
        }
    }

    @Test
    void requestsFromOutsideReachARegistrationInsideAndTheLinkRecovers() throws Exception {
        Engine e = start(NodeRole.EXPRESSWAY_E, expresswayE());
        Engine c = start(NodeRole.EXPRESSWAY_C, expresswayC("cpass", "e.example.com"));
        await(() -> zone(e).state().equals("Active") && zone(c).state().equals("Active"), 10_000,
                () -> zone(e) + " / " + zone(c));
        assertTrue(e.snapshot().service(SipService.KEY).listeningAddresses()
                .contains("TLS 127.0.0.1:" + zonePort + " (zone TraversalServer)"));

        try (SipClient inside = SipClient.udp(portC); SipClient outside = SipClient.udp(portE)) {
            registerInside(inside);
            outside.sendText("""
                    MESSAGE sip:inside@example.com SIP/2.0
                    Via: SIP/2.0/UDP 127.0.0.1:PORT;branch=z9hG4bK-out1;rport
                    From: <sip:outside@example.org>;tag=o1
                    To: <sip:inside@example.com>
                    Call-ID: traversal-msg-1
                    CSeq: 1 MESSAGE
                    Max-Forwards: 70
                    Content-Length: 0

                    """);
            SipMessage delivered = inside.receive();
            assertEquals("MESSAGE", delivered.method());
            assertEquals(3, delivered.vias().size(), "outside, E, C");
            assertEquals("TLS", delivered.vias().get(1).transport(), "E to C over the traversal connection");
            inside.send(new SipCodec(SipCodec.Limits.DEFAULT).encode(Responses.to(delivered, 200)));
            SipMessage answer = outside.finalResponse();
            assertEquals(200, answer.status());
            assertEquals("traversal-msg-1", answer.callId());
        }

        // a device outside registers at the E: its REGISTER reaches the C's registrar through the traversal
        // connection, with the E's Path; a request from inside then reaches it back out through the E
        try (SipClient outsider = SipClient.udp(portE); SipClient inside = SipClient.udp(portC)) {
            register(outsider, "outsider", "outpass");
            assertEquals(MraRegistrationCount.ZERO, mra(e), "a plain traversal zone carries no MRA registrations");
            assertEquals("TraversalClient", c.snapshot().service(SipService.KEY).registrations().stream()
                    .filter(r -> r.addressOfRecord().equals("sip:outsider@example.com")).findFirst().orElseThrow()
                    .zone());
            inside.sendText("""
                    MESSAGE sip:outsider@example.com SIP/2.0
                    Via: SIP/2.0/UDP 127.0.0.1:PORT;branch=z9hG4bK-in1;rport
                    From: <sip:inside@example.com>;tag=n1
                    To: <sip:outsider@example.com>
                    Call-ID: traversal-msg-2
                    CSeq: 1 MESSAGE
                    Max-Forwards: 70
                    Content-Length: 0

                    """);
            SipMessage delivered = outsider.receive();
            assertEquals("MESSAGE", delivered.method());
            assertEquals("sip:outsider@127.0.0.1:" + outsider.localPort(), delivered.requestUri().text());
            outsider.send(new SipCodec(SipCodec.Limits.DEFAULT).encode(Responses.to(delivered, 200)));
            assertEquals(200, inside.finalResponse().status());
        }

        // the E goes away: the C sees the link fail, and reconnects by itself once the E is back
        e.stop();
        await(() -> zone(c).state().equals("Failed"), 10_000, () -> zone(c).toString());
        Engine e2 = start(NodeRole.EXPRESSWAY_E, expresswayE());
        await(() -> zone(e2).state().equals("Active") && zone(c).state().equals("Active"), 15_000,
                () -> zone(e2) + " / " + zone(c));
    }

    private void registerInside(SipClient inside) throws Exception {
        register(inside, "inside", "inpass");
    }

    private void register(SipClient client, String user, String password) throws Exception {
        register(client, user, password, 600, 1);
    }

    /** REGISTER, 401, REGISTER with digest, 200: CSeq {@code cseq} and the next one. */
    private void register(SipClient client, String user, String password, int expires, int cseq) throws Exception {
        String register = """
                REGISTER sip:example.com SIP/2.0
                Via: SIP/2.0/UDP 127.0.0.1:PORT;branch=z9hG4bK-USER-SEQ;rport
                From: <sip:USER@example.com>;tag=i1
                To: <sip:USER@example.com>
                Call-ID: USER-reg
                CSeq: SEQ REGISTER
                Contact: <sip:USER@127.0.0.1:PORT>
                Expires: EXPIRES
                Max-Forwards: 70
                """.replace("USER", user).replace("EXPIRES", String.valueOf(expires));
        client.sendText(register.replace("SEQ", String.valueOf(cseq)) + "Content-Length: 0\n\n");
        SipMessage challenge = client.finalResponse();
        assertEquals(401, challenge.status());
        String auth = DigestClient.authorization(DigestAlgorithm.SHA_256, user, password, "TANDBERG",
                DigestClient.nonce(challenge.header(HeaderNames.WWW_AUTHENTICATE)), "REGISTER", "sip:example.com");
        client.sendText(register.replace("SEQ", String.valueOf(cseq + 1)) + "Authorization: " + auth
                + "\nContent-Length: 0\n\n");
        assertEquals(200, client.finalResponse().status());
    }

    private static MraRegistrationCount mra(Engine engine) {
        return engine.snapshot().service(SipService.KEY).mraRegistrations();
    }

    @Test
    void registrationsProxiedIntoAUnifiedCommunicationsZoneAreMraRegistrationsOfTheE() throws Exception {
        Engine e = start(NodeRole.EXPRESSWAY_E, expresswayE(ZoneConfig.ZoneType.UNIFIED_COMMUNICATIONS_TRAVERSAL));
        Engine c = start(NodeRole.EXPRESSWAY_C, expresswayC("cpass", "e.example.com",
                ZoneConfig.ZoneType.UNIFIED_COMMUNICATIONS_TRAVERSAL));
        await(() -> zone(e).state().equals("Active") && zone(c).state().equals("Active"), 10_000,
                () -> zone(e) + " / " + zone(c));
        assertEquals(MraRegistrationCount.ZERO, mra(e));
        try (SipClient outsider = SipClient.udp(portE); SipClient second = SipClient.udp(portE)) {
            register(outsider, "outsider", "outpass"); // the 401 on the way is no registration
            assertEquals(new MraRegistrationCount(1, 1), mra(e));
            register(outsider, "outsider", "outpass", 600, 3); // a refresh is the same registration
            assertEquals(new MraRegistrationCount(1, 1), mra(e));
            register(second, "inside", "inpass");
            assertEquals(new MraRegistrationCount(2, 2), mra(e));
            register(outsider, "outsider", "outpass", 0, 5); // un-register
            assertEquals(new MraRegistrationCount(1, 2), mra(e));
            assertEquals(1, c.snapshot().service(SipService.KEY).registrations().size(), "C is the registrar");
        }
        assertEquals(MraRegistrationCount.ZERO, mra(c), "the C registers; only the E proxies MRA registrations");
    }

    @Test
    void wrongCredentialsFailOnBothSides() throws Exception {
        Engine e = start(NodeRole.EXPRESSWAY_E, expresswayE());
        Engine c = start(NodeRole.EXPRESSWAY_C, expresswayC("wrong", "e.example.com"));
        await(() -> "Authentication failed".equals(zone(c).reason()), 10_000, () -> zone(c).toString());
        assertEquals("Failed", zone(c).state());
        await(() -> "Authentication failed".equals(zone(e).reason()), 5_000, () -> zone(e).toString());
    }

    @Test
    void aServerCertificateWithoutTheExpectedNameFailsTlsVerify() throws Exception {
        start(NodeRole.EXPRESSWAY_E, expresswayE());
        Engine c = start(NodeRole.EXPRESSWAY_C, expresswayC("cpass", "other.example.com"));
        await(() -> zone(c).reason() != null && zone(c).reason().startsWith("TLS verify failed"), 10_000,
                () -> zone(c).toString());
        assertEquals("Failed", zone(c).state());
    }
}
