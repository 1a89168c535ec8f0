package org.edgeway.engine.sip;

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
import java.util.concurrent.CopyOnWriteArrayList;
import org.edgeway.engine.Await;
import org.edgeway.engine.Engine;
import org.edgeway.engine.EngineConfig;
import org.edgeway.engine.EngineEvent;
import org.edgeway.engine.NodeRole;
import org.edgeway.engine.SystemSize;
import org.edgeway.engine.TestPorts;
import org.edgeway.engine.calls.CallEvent;
import org.edgeway.engine.calls.CallRecord;
import org.edgeway.engine.rtp.MediaConfig;
import org.edgeway.engine.rtp.MediaRelayService;
import org.edgeway.engine.sip.auth.DigestAlgorithm;
import org.edgeway.engine.tls.SelfSignedCertificate;
import org.edgeway.engine.zones.SearchRule;
import org.edgeway.engine.zones.ZoneConfig;

/**
 * An Expressway-E and an Expressway-C in this JVM, paired over a TLS traversal zone on loopback: E routes "bob..."
 * into the traversal zone, C routes it to one inside zone (a neighbor the test gives). Each node relays media on
 * its own 16-port range and reports its engine events to a list. Close it to stop both and delete the key stores.
 */
final class TraversalPairNodes implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String PASSWORD = "changeit";

    final List<EngineEvent> eventsE = new CopyOnWriteArrayList<>();
    final List<EngineEvent> eventsC = new CopyOnWriteArrayList<>();
    final int portE = TestPorts.port();
    final int portC = TestPorts.port();
    final int zonePort = TestPorts.port();
    int rangeE;
    int rangeC;
    Engine e;
    Engine c;
    /** E's certificate, for a client that connects to it over TLS. */
    KeyStore keyE;
    private final List<Engine> engines = new ArrayList<>();
    private final List<Path> files = new ArrayList<>();

    /**
     * Starts both nodes and waits for the traversal zone to come up.
     *
     * @param encryption     media encryption mode on both ends of the traversal zone
     * @param icePassthrough ICE passthrough support on the traversal zone's two ends (the inside zone has its own)
     * @param inside         C's neighbor zone toward the callee
     * @param trustedOnC     PEM certificates C trusts besides E's (the inside callee's, over TLS)
     * @param tlsPortE       a TLS listener for outside callers on E, 0 for none
     * @param tlsPortC       a TLS listener on C, 0 for none (C opens TLS connections to neighbors only with one)
     * @param mediaTimeoutC  C ends calls whose media stops this long
     */
    void start(ZoneConfig.MediaEncryption encryption, boolean icePassthrough, ZoneConfig inside,
            List<String> trustedOnC, int tlsPortE, int tlsPortC, Duration mediaTimeoutC) throws Exception {
        keyE = SelfSignedCertificate.create("e.example.com", PASSWORD.toCharArray());
        KeyStore keyC = SelfSignedCertificate.create("c.example.com", PASSWORD.toCharArray());
        rangeE = TestPorts.range(16);
        rangeC = TestPorts.range(16);
        ZoneConfig server = new ZoneConfig(2, "TraversalServer", ZoneConfig.ZoneType.TRAVERSAL_SERVER, 15, true,
                ZoneConfig.Transport.TLS, zonePort, List.of(), true, "c.example.com", "cuser", null,
                ZoneConfig.AuthenticationPolicy.DO_NOT_CHECK_CREDENTIALS, encryption, false, icePassthrough, null);
        SipConfig onE = tlsListener(SipTestSupport.config(portE), tlsPortE).withDigestAlgorithms(List.of(DigestAlgorithm.MD5))
                .withCredentials("TANDBERG", Map.of("cuser", "cpass")).withDomains(List.of())
                .withZones(List.of(server))
                .withSearchRules(List.of(SipTestSupport.rule(1, "inward", 10, SearchRule.PatternType.PREFIX, "bob",
                        SearchRule.PatternBehavior.LEAVE, null, "TraversalServer")))
                .withTls(write(keyE).toString(), PASSWORD, List.of(pem(keyC)));
        ZoneConfig client = new ZoneConfig(3, "TraversalClient", ZoneConfig.ZoneType.TRAVERSAL_CLIENT, 15, true,
                ZoneConfig.Transport.TLS, zonePort, List.of("127.0.0.1"), true, "e.example.com", "cuser", "cpass",
                ZoneConfig.AuthenticationPolicy.DO_NOT_CHECK_CREDENTIALS, encryption, false, icePassthrough,
                Duration.ofSeconds(1));
        List<String> trust = new ArrayList<>(trustedOnC);
        trust.add(pem(keyE));
        SipConfig onC = tlsListener(SipTestSupport.config(portC), tlsPortC).withDigestAlgorithms(List.of(DigestAlgorithm.MD5))
                .withZones(List.of(client, inside))
                .withSearchRules(List.of(SipTestSupport.rule(1, "to-uas", 10, SearchRule.PatternType.PREFIX, "bob",
                        SearchRule.PatternBehavior.LEAVE, null, inside.name())))
                .withTls(write(keyC).toString(), PASSWORD, trust);
        e = start(NodeRole.EXPRESSWAY_E, onE, rangeE, eventsE, Duration.ofSeconds(60));
        c = start(NodeRole.EXPRESSWAY_C, onC, rangeC, eventsC, mediaTimeoutC);
        Await.until(() -> zone(e).equals("Active") && zone(c).equals("Active"), WAIT,
                "the traversal zone to come up");
    }

    private static SipConfig tlsListener(SipConfig cfg, int port) {
        return port == 0 ? cfg : cfg.withProtocol(true, cfg.udp(), cfg.tcp(), new SipConfig.Listener(true, port),
                Duration.ofSeconds(5), cfg.registrationMinimum(), cfg.registrationMaximum());
    }

    /** The one record a node reported ending, after exactly one start. */
    static CallRecord ended(List<EngineEvent> events) throws InterruptedException {
        Await.until(() -> events.stream().anyMatch(CallEvent.CallEnded.class::isInstance), WAIT, "CallEnded");
        List<CallRecord> ended = events.stream().filter(CallEvent.CallEnded.class::isInstance)
                .map(ev -> ((CallEvent) ev).call()).toList();
        org.junit.jupiter.api.Assertions.assertEquals(1, ended.size(), ended::toString);
        org.junit.jupiter.api.Assertions.assertEquals(1,
                events.stream().filter(CallEvent.CallStarted.class::isInstance).count());
        return ended.get(0);
    }

    /** A key store as a temporary PKCS12 file, deleted on close. */
    Path write(KeyStore store) throws Exception {
        Path p = Files.createTempFile("pair", ".p12");
        files.add(p);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, PASSWORD.toCharArray());
        Files.write(p, out.toByteArray());
        return p;
    }

    static String pem(KeyStore store) throws Exception {
        Certificate cert = store.getCertificate(SelfSignedCertificate.ALIAS);
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(
                cert.getEncoded()) + "\n-----END CERTIFICATE-----\n";
    }

    private Engine start(NodeRole role, SipConfig sip, int mediaRange, List<EngineEvent> events,
            Duration mediaTimeout) {
        MediaRelayService media = new MediaRelayService();
        Engine engine = new Engine(events::add, List.of(media, new SipService(media)));
        engines.add(engine);
        engine.start(new EngineConfig(role, SystemSize.SMALL, role == NodeRole.EXPRESSWAY_E ? "e.example.com"
                : "c.example.com", "127.0.0.1").with(SipService.KEY, sip)
                .with(MediaRelayService.KEY, MediaConfig.defaults().withRange(mediaRange, mediaRange + 15)
                        .withMediaTimeout(mediaTimeout)));
        return engine;
    }

    private static String zone(Engine engine) {
        return engine.snapshot().service(SipService.KEY).zones().get(0).state();
    }

    @Override
    public void close() throws Exception {
        for (Engine engine : engines) {
            engine.close();
        }
        for (Path p : files) {
            Files.deleteIfExists(p);
        }
    }
}
