package org.edgeway.engine.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.edgeway.engine.Engine;
import org.edgeway.engine.NodeRole;
import org.edgeway.engine.tls.SelfSignedCertificate;
import org.edgeway.engine.zones.SearchRule;
import org.edgeway.engine.zones.ZoneConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On an Expressway-E with a Unified Communications traversal zone, MRA endpoints (SIP over TLS, not from a zone)
 * come from the CollaborationEdgeZone: search rules can name it as their source. Over TCP, or on a C, the same
 * request comes from the DefaultZone.
 */
class CollaborationEdgeZoneTest {

    private static final String PASSWORD = "changeit";
    private static final String REQUEST = """
            OPTIONS sip:bob@example.com SIP/2.0
            Via: SIP/2.0/TRANSPORT 127.0.0.1:PORT;branch=z9hG4bK-BRANCH;rport
            From: <sip:alice@example.com>;tag=a1
            To: <sip:bob@example.com>
            Call-ID: cez-BRANCH
            CSeq: 1 OPTIONS
            Max-Forwards: 70
            Content-Length: 0

            """;

    private Engine engine;
    private Path keyStore;
    private KeyStore store;
    private int port;
    private int tlsPort;

    @BeforeEach
    void keys() throws Exception {
        store = SelfSignedCertificate.create("e.example.com", PASSWORD.toCharArray());
        keyStore = Files.createTempFile("cez", ".p12");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, PASSWORD.toCharArray());
        Files.write(keyStore, out.toByteArray());
        port = SipTestSupport.freePort();
        tlsPort = SipTestSupport.freePort();
    }

    @AfterEach
    void stop() throws Exception {
        if (engine != null) {
            engine.close();
        }
        Files.deleteIfExists(keyStore);
    }

    private SipConfig edge(ZoneConfig.ZoneType traversalType) {
        SipConfig base = SipTestSupport.config(port);
        ZoneConfig traversal = new ZoneConfig(1, "UCTraversal", traversalType, ZoneConfig.DEFAULT_HOP_COUNT, true,
                ZoneConfig.Transport.TLS, SipTestSupport.freePort(), List.of(), false, null, "cuser", null,
                ZoneConfig.AuthenticationPolicy.DO_NOT_CHECK_CREDENTIALS, ZoneConfig.MediaEncryption.FORCE_ENCRYPTED,
                false, false, null);
        SearchRule fromEdge = new SearchRule(1, "from-edge", 10, SearchRule.COLLABORATION_EDGE_ZONE, false,
                SearchRule.Mode.ALIAS_PATTERN_MATCH, SearchRule.PatternType.EXACT, "bob@example.com",
                SearchRule.PatternBehavior.LEAVE, null, SearchRule.OnMatch.STOP, SearchRule.LOCAL_ZONE, true);
        return base.withProtocol(true, base.udp(), base.tcp(), new SipConfig.Listener(true, tlsPort),
                        Duration.ofSeconds(5), base.registrationMinimum(), base.registrationMaximum())
                .withTls(keyStore.toString(), PASSWORD, List.of())
                .withZones(List.of(traversal))
                .withSearchRules(List.of(fromEdge));
    }

    private SipSnapshot.SearchView sendOverTls(String branch) throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        try (SSLSocket socket = (SSLSocket) ctx.getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), tlsPort);
                SipClient client = SipClient.over(socket)) {
            client.sendText(REQUEST.replace("BRANCH", branch).replace("TRANSPORT", "TLS"));
            assertEquals(404, client.receive().status(), "bob has no registration");
        }
        return newestSearch();
    }

    /** The history keeps the newest first; the request was answered, so its search is recorded. */
    private SipSnapshot.SearchView newestSearch() {
        return engine.snapshot().service(SipService.KEY).searches().get(0);
    }

    @Test
    void mraEndpointsOverTlsComeFromTheCollaborationEdgeZoneOnE() throws Exception {
        engine = SipTestSupport.start(NodeRole.EXPRESSWAY_E,
                edge(ZoneConfig.ZoneType.UNIFIED_COMMUNICATIONS_TRAVERSAL));
        SipSnapshot.SearchView tls = sendOverTls("tls");
        assertEquals(SearchRule.COLLABORATION_EDGE_ZONE, tls.sourceZone());
        assertEquals(List.of("from-edge: bob@example.com not found in LocalZone"), tls.rulesTried());

        try (SipClient client = SipClient.tcp(port)) {
            client.sendText(REQUEST.replace("BRANCH", "tcp").replace("TRANSPORT", "TCP"));
            assertEquals(404, client.receive().status());
        }
        SipSnapshot.SearchView tcp = newestSearch();
        assertEquals(SearchRule.DEFAULT_ZONE, tcp.sourceZone(), "only TLS is MRA");
        assertEquals(List.of("from-edge: source zone is not CollaborationEdgeZone"), tcp.rulesTried());
    }

    @Test
    void withoutAUnifiedCommunicationsZoneOrOnCThereIsNoCollaborationEdge() throws Exception {
        engine = SipTestSupport.start(NodeRole.EXPRESSWAY_E, edge(ZoneConfig.ZoneType.TRAVERSAL_SERVER));
        assertEquals(SearchRule.DEFAULT_ZONE, sendOverTls("plain-server").sourceZone());
        engine.close();
        engine = SipTestSupport.start(NodeRole.EXPRESSWAY_C, edge(ZoneConfig.ZoneType.TRAVERSAL_CLIENT));
        assertEquals(SearchRule.DEFAULT_ZONE, sendOverTls("on-c").sourceZone());
    }
}
