package org.edgeway.engine.sip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.edgeway.engine.Engine;
import org.edgeway.engine.sip.message.HeaderNames;
import org.edgeway.engine.sip.message.Rfc4475Messages;
import org.edgeway.engine.sip.message.SipMessage;
import org.edgeway.engine.zones.SearchRule;
import org.edgeway.engine.zones.ZoneConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The listeners with real sockets: the RFC 4475 torture messages replayed at UDP and TCP (invalid requests
 * answered 400/505, invalid responses dropped, valid ones handled) with the node still serving afterwards; CRLF
 * keep-alive on TCP; retransmitted requests absorbed; Via received/rport; a routing loop stopped with 482.
 */
class SipListenersTest {

    static final String OPTIONS = """
            OPTIONS sip:127.0.0.1:SERVER SIP/2.0
            Via: SIP/2.0/TRANSPORT 127.0.0.1:PORT;branch=z9hG4bK-BRANCH;rport
            From: <sip:probe@example.com>;tag=p1
            To: <sip:127.0.0.1:SERVER>
            Call-ID: probe-BRANCH
            CSeq: 1 OPTIONS
            Max-Forwards: 70
            Content-Length: 0

            """;

    private Engine engine;
    private int port;

    @BeforeEach
    void start() {
        port = SipTestSupport.freePort();
        engine = SipTestSupport.start(SipTestSupport.config(port));
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    private String options(String branch) {
        return OPTIONS.replace("SERVER", String.valueOf(port)).replace("BRANCH", branch);
    }

    private static final List<String> INVALID_REQUESTS = Rfc4475Messages.INVALID_REQUESTS;

    @Test
    void invalidTortureRequestsAreAnswered400OverUdp() throws Exception {
        try (SipClient client = SipClient.udp(port)) {
            for (String name : INVALID_REQUESTS) {
                client.send(Rfc4475Messages.invalid(name));
                String answer = client.receiveText();
                assertNotNull(answer, name + " got no answer");
                assertTrue(answer.startsWith("SIP/2.0 400 "), name + ": " + answer);
                assertTrue(answer.contains("\r\nCall-ID: " + name), name + ": " + answer);
            }
            client.send(Rfc4475Messages.invalid("badvers"));
            assertTrue(client.receiveText().startsWith("SIP/2.0 505 "));
            client.send(Rfc4475Messages.invalid("scalarlg"));
            client.send(Rfc4475Messages.invalid("bigcode"));
            client.sendText(options("after"));
            SipMessage ok = client.receive();
            assertEquals("probe-after", ok.callId(), "invalid responses are dropped, the node keeps serving");
            assertEquals(200, ok.status());
        }
        assertTrue(snapshot().counters().malformed() >= INVALID_REQUESTS.size() + 3);
    }

    @Test
    void validTortureMessagesOverUdpAreTakenWhole() throws Exception {
        // most answers go to each Via's sent-by, not to this socket: the counters show what the node made of them
        try (SipClient client = SipClient.udp(port)) {
            for (String name : Rfc4475Messages.VALID) {
                client.send(Rfc4475Messages.valid(name));
            }
            client.sendText(options("udp-valid-after"));
            SipMessage m = client.receive();
            while (m != null && !m.callId().equals("probe-udp-valid-after")) {
                m = client.receive(); // the answers before it are the torture's
            }
            assertNotNull(m, "the node still answers");
        }
        // datagrams are handled in order per Call-ID only (spread over the event loops): wait for all of them
        long handled = Rfc4475Messages.VALID.size() + 1;
        long deadline = System.nanoTime() + 5_000_000_000L;
        SipSnapshot.Counters counters = snapshot().counters();
        while (counters.requestsIn() + counters.responsesIn() + counters.malformed() < handled
                && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L); // polls the condition
            counters = snapshot().counters();
        }
        assertEquals(0, counters.malformed(), "longreq (3,472 octets) is read whole: " + counters);
        assertEquals(Rfc4475Messages.VALID.size() - Rfc4475Messages.VALID_RESPONSES.size() + 1, counters.requestsIn());
        assertEquals(Rfc4475Messages.VALID_RESPONSES.size(), counters.responsesIn());
    }

    @Test
    void everyUdpAnswerComesFromTheListenerPortWhicheverLoopHandlesIt() throws Exception {
        // transactions are spread over the event loops by Call-ID, each loop answering from its own socket on the
        // listener's port: the client must see one server address, as RFC 3261 18.2.2 / RFC 3581 expect
        try (java.net.DatagramSocket socket = new java.net.DatagramSocket(new java.net.InetSocketAddress(
                java.net.InetAddress.getLoopbackAddress(), SipTestSupport.freePort()))) {
            socket.setSoTimeout(5_000);
            java.net.InetSocketAddress server = new java.net.InetSocketAddress(
                    java.net.InetAddress.getLoopbackAddress(), port);
            java.util.Set<String> unanswered = new java.util.HashSet<>();
            for (int i = 0; i < 32; i++) {
                byte[] probe = options("spread-" + i).replace("TRANSPORT", "UDP")
                        .replace("PORT", String.valueOf(socket.getLocalPort())).replace("\n", "\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1);
                socket.send(new java.net.DatagramPacket(probe, probe.length, server));
                unanswered.add("probe-spread-" + i);
            }
            while (!unanswered.isEmpty()) {
                java.net.DatagramPacket p = new java.net.DatagramPacket(new byte[65_535], 65_535);
                socket.receive(p);
                assertEquals(port, p.getPort(), "answer from the listener's port");
                SipMessage answer = new org.edgeway.engine.sip.message.SipCodec(
                        org.edgeway.engine.sip.message.SipCodec.Limits.DEFAULT).decode(
                        java.util.Arrays.copyOf(p.getData(), p.getLength()));
                assertEquals(200, answer.status());
                assertTrue(unanswered.remove(answer.callId()), "one answer per request: " + answer.callId());
            }
        }
    }

    @Test
    void invalidTortureRequestsOverTcp() throws Exception {
        Rfc4475Replay.invalidRequestsOverStream(port);
        try (SipClient client = SipClient.tcp(port)) {
            client.sendText(options("tcp-after"));
            assertEquals(200, client.receive().status());
        }
    }

    @Test
    void validTortureRequestsAreHandledOverTcp() throws Exception {
        // OPTIONS/unknown methods for users with no search rule: 404; REGISTER in the registrar domain: 401
        Rfc4475Replay.validRequestsOverStream(port, Map.of("lwsdisp", 404, "semiuri", 404, "transports", 404,
                "esc02", 404, "escnull", 401, "dblreq", 401));
    }

    @Test
    void crlfKeepAliveIsAnsweredOnStreams() throws Exception {
        try (SipClient client = SipClient.tcp(port)) {
            client.send("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            assertArrayEquals("\r\n".getBytes(StandardCharsets.ISO_8859_1), client.readRaw(2));
            client.sendText(options("ka"));
            assertEquals(200, client.receive().status(), "the connection still carries SIP");
        }
    }

    @Test
    void retransmittedRequestIsChallengedTheSameWayAndViaIsStamped() throws Exception {
        try (SipClient client = SipClient.udp(port)) {
            String register = """
                    REGISTER sip:example.com SIP/2.0
                    Via: SIP/2.0/UDP 192.0.2.1:PORT;branch=z9hG4bK-r1;rport
                    From: <sip:alice@example.com>;tag=r1
                    To: <sip:alice@example.com>
                    Call-ID: retrans-1
                    CSeq: 1 REGISTER
                    Contact: <sip:alice@127.0.0.1:PORT>
                    Max-Forwards: 70
                    Content-Length: 0

                    """;
            client.sendText(register);
            SipMessage first = client.receive();
            client.sendText(register);
            SipMessage second = client.receive();
            assertEquals(401, first.status());
            // the challenge is stateless (RFC 3261 8.2.7): regenerated, with the To tag derived from the request
            assertEquals(first.to().tag(), second.to().tag(), "the same response, not a new one");
            assertEquals(withoutNonce(first.header(HeaderNames.WWW_AUTHENTICATE)),
                    withoutNonce(second.header(HeaderNames.WWW_AUTHENTICATE)), "the nonce may turn over a second");
            assertEquals("127.0.0.1", first.topVia().params().get("received"));
            assertEquals(String.valueOf(client.localPort()), first.topVia().params().get("rport"));
        }
    }

    @Test
    void aRoutingLoopIsStopped() throws Exception {
        // a neighbor zone that is this node itself, and a rule sending everything there
        routeToSelf(new SearchRule(1, "all-to-self", 5, null, false, SearchRule.Mode.ANY_ALIAS,
                SearchRule.PatternType.EXACT, null, SearchRule.PatternBehavior.LEAVE, null, SearchRule.OnMatch.STOP,
                "Self", true));
        try (SipClient client = SipClient.udp(port)) {
            client.sendText("""
                    INVITE sip:carol@example.com SIP/2.0
                    Via: SIP/2.0/UDP 127.0.0.1:PORT;branch=z9hG4bK-loop;rport
                    From: <sip:caller@example.com>;tag=l1
                    To: <sip:carol@example.com>
                    Call-ID: loop-1
                    CSeq: 1 INVITE
                    Max-Forwards: 70
                    Content-Length: 0

                    """);
            SipMessage answer = client.finalResponse();
            assertNotNull(answer);
            assertEquals(482, answer.status());
            assertEquals(1, answer.vias().size(), "the proxy's own Via is removed on the way back");
        }
    }

    @Test
    void stripAndReplaceRewriteTheAliasUntilMaxForwardsRunsOut() throws Exception {
        // each pass through the node prefixes the alias, so the request is new every time: only Max-Forwards ends it
        routeToSelf(SipTestSupport.rule(1, "grow", 5, SearchRule.PatternType.REGEX, "(.*)@example.com",
                SearchRule.PatternBehavior.REPLACE, "x\\1@example.com", "Self"));
        try (SipClient client = SipClient.udp(port)) {
            client.sendText("""
                    OPTIONS sip:dave@example.com SIP/2.0
                    Via: SIP/2.0/UDP 127.0.0.1:PORT;branch=z9hG4bK-hops;rport
                    From: <sip:caller@example.com>;tag=h1
                    To: <sip:dave@example.com>
                    Call-ID: hops-1
                    CSeq: 1 OPTIONS
                    Max-Forwards: 5
                    Content-Length: 0

                    """);
            SipMessage answer = client.finalResponse();
            assertNotNull(answer);
            assertEquals(483, answer.status());
        }
        List<SipSnapshot.SearchView> searches = snapshot().searches();
        assertEquals(5, searches.size(), "one search per hop: " + searches);
        assertEquals("dave@example.com", searches.get(0).alias(), "newest first: the outermost ends last");
        assertEquals("xxxxdave@example.com", searches.get(4).alias());
        assertEquals(483, searches.get(4).status());
        assertNotEquals(0, searches.get(0).rulesTried().size());
    }

    /** A neighbor zone "Self" that is this node, and the rule that sends requests there. */
    private void routeToSelf(SearchRule rule) {
        engine.apply(SipTestSupport.engineConfig(SipTestSupport.config(port)
                .withZones(List.of(SipTestSupport.neighbor(2, "Self", "127.0.0.1", port, ZoneConfig.Transport.UDP)))
                .withSearchRules(List.of(rule))));
    }

    private SipSnapshot snapshot() {
        return engine.snapshot().service(SipService.KEY);
    }

    private static String withoutNonce(String challenge) {
        return challenge.replaceAll("nonce=\"[^\"]*\"", "nonce=...");
    }
}
