package org.edgeway.engine.sip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.edgeway.engine.Await;
import org.edgeway.engine.TestPorts;
import org.edgeway.engine.calls.CallComponent;
import org.edgeway.engine.calls.CallControl;
import org.edgeway.engine.calls.CallRecord;
import org.edgeway.engine.calls.IceCandidatesOffered;
import org.edgeway.engine.calls.IcePassthroughCallType;
import org.edgeway.engine.calls.MediaChannel;
import org.edgeway.engine.calls.MediaEncryption;
import org.edgeway.engine.sdp.MediaDescription;
import org.edgeway.engine.sdp.SdpCodec;
import org.edgeway.engine.sdp.SessionDescription;
import org.edgeway.engine.sip.message.HeaderNames;
import org.edgeway.engine.sip.message.NameAddr;
import org.edgeway.engine.sip.message.Responses;
import org.edgeway.engine.sip.message.SipMessage;
import org.edgeway.engine.tls.SelfSignedCertificate;
import org.edgeway.engine.zones.ZoneConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ICE passthrough through the traversal pair with real ICE agents (jitsi ice4j) as the two endpoints: the caller
 * reaches E over TLS, E passes the call to C over the TLS traversal zone, C to the callee over TLS (or TCP), and
 * ICE passthrough support is On on every zone. The agents' SDP travels in the INVITE, its 200, the ACK and the
 * caller's updated re-INVITE; the agents run their checks with the candidates that reached them through the nodes.
 */
class IcePassthroughPairTest {

    private TraversalPairNodes pair;
    private StreamUas uas;
    private int uasPort;
    private int tlsPortE;
    private KeyStore uasKey;
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeAll
    static void quietIce4j() {
        System.setProperty("ice4j.harvest.mapping.aws.enabled", "false");
        System.setProperty("ice4j.harvest.use-link-local-addresses", "false");
        System.setProperty("ice4j.harvest.use-ipv6", "false");
        System.setProperty("ice4j.harvest.timeout", "5 seconds");
    }

    @BeforeEach
    void setUp() throws Exception {
        pair = new TraversalPairNodes();
        uasPort = TestPorts.port();
        tlsPortE = TestPorts.port();
        uasKey = SelfSignedCertificate.create("uas.example.com", TraversalPairNodes.PASSWORD.toCharArray());
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        if (uas != null) {
            uas.close();
        }
        pair.close();
    }

    /** The pair with passthrough On everywhere, the callee on a TLS or TCP neighbor of C. */
    private void startPair(ZoneConfig.Transport inside) throws Exception {
        ZoneConfig neighbor = new ZoneConfig(4, "CEtls", ZoneConfig.ZoneType.NEIGHBOR, 15, true, inside, uasPort,
                List.of("127.0.0.1"), false, null, null, null,
                ZoneConfig.AuthenticationPolicy.DO_NOT_CHECK_CREDENTIALS, ZoneConfig.MediaEncryption.AUTO, false,
                true, null);
        ServerSocket server;
        if (inside == ZoneConfig.Transport.TLS) {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(uasKey, TraversalPairNodes.PASSWORD.toCharArray());
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            server = ctx.getServerSocketFactory().createServerSocket();
        } else {
            server = new ServerSocket();
        }
        uas = new StreamUas(StreamUas.bind(server, uasPort));
        pair.start(ZoneConfig.MediaEncryption.AUTO, true, neighbor, List.of(TraversalPairNodes.pem(uasKey)),
                tlsPortE, TestPorts.port(), java.time.Duration.ofSeconds(60));
    }

    /** The outside endpoint's TLS connection to E. */
    private SipClient caller() throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(pair.keyE);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), tlsPortE);
        s.startHandshake();
        SipClient client = SipClient.over(s);
        closing.add(client);
        return client;
    }

    @Test
    void theAgentsCompleteIceAroundThePairAndTheCallIsHostToHost() throws Exception {
        Assumptions.assumeTrue(IceAgentEndpoint.hostAddress() != null,
                "no interface but loopback: ice4j gathers no host candidate on loopback");
        startPair(ZoneConfig.Transport.TLS);
        IceAgentEndpoint alice = endpoint("alice", true);
        IceAgentEndpoint bob = endpoint("bob", false);
        SipClient caller = caller();
        Dialog dialog = new Dialog(caller);

        String offer = alice.sdp();
        dialog.send("INVITE", "sip:bob@example.com", offer);
        StreamUas.Received invite = uas.next("INVITE");
        SessionDescription atBob = SdpCodec.decode(invite.request().body());
        assertPassedThrough(SdpCodec.decode(offer), atBob);
        int portC = atBob.media().get(0).port();
        assertTrue(portC >= pair.rangeC && portC < pair.rangeC + 16, "C's port toward the callee: " + portC);

        String answer = bob.sdp();
        uas.answer(invite, ok(invite, answer));
        SipMessage ok = dialog.finalResponse();
        assertEquals(200, ok.status());
        SessionDescription atAlice = SdpCodec.decode(ok.body());
        assertPassedThrough(SdpCodec.decode(answer), atAlice);
        int portE = atAlice.media().get(0).port();
        assertTrue(portE >= pair.rangeE + 2 && portE < pair.rangeE + 16, "E's port toward the caller: " + portE);
        dialog.ack(ok);

        // B-ICEP-03: media starts on the traversal path, through both nodes
        for (int i = 0; i < 5; i++) {
            alice.media.send(rtp(i, new InetSocketAddress(InetAddress.getLoopbackAddress(), portE)));
        }
        for (int i = 0; i < 5; i++) {
            DatagramPacket p = new DatagramPacket(new byte[1500], 1500);
            bob.media.receive(p);
            assertEquals(172, p.getLength());
        }
        Await.until(() -> relayedFromCaller(active(pair.c)) == 5, TraversalPairNodes.WAIT,
                "C to count the 5 packets it relayed");
        assertFalse(bindable(portC), "C's relay port is in use while the media goes through it");

        // the agents check the candidates that reached them through the nodes and talk directly
        alice.peer(atAlice);
        bob.peer(atBob);
        alice.agent.startConnectivityEstablishment();
        bob.agent.startConnectivityEstablishment();
        Await.until(() -> alice.completed() && bob.completed(), TraversalPairNodes.WAIT, "ICE to complete");
        byte[] hello = "hello bob, directly".getBytes(StandardCharsets.US_ASCII);
        alice.sendSelected(hello);
        assertArrayEquals(hello, bob.receiveSelected());
        byte[] back = "hello alice".getBytes(StandardCharsets.US_ASCII);
        bob.sendSelected(back);
        assertArrayEquals(back, alice.receiveSelected());
        assertEquals(5, relayedFromCaller(active(pair.c)), "nothing of the direct path went through C");

        // the controlling agent's updated offer names the selected pair; it and its answer pass unchanged
        String update = alice.selectedSdp(true);
        dialog.send("INVITE", dialog.remoteTarget, update);
        StreamUas.Received reInvite = uas.next("INVITE");
        assertEquals(update, new String(reInvite.request().body(), StandardCharsets.UTF_8));
        String updatedAnswer = bob.selectedSdp(false);
        uas.answer(reInvite, ok(reInvite, updatedAnswer));
        SipMessage ok2 = dialog.finalResponse();
        assertEquals(200, ok2.status());
        assertEquals(updatedAnswer, new String(ok2.body(), StandardCharsets.UTF_8));
        dialog.ack(ok2);

        for (TraversalNode node : List.of(new TraversalNode(pair.c, portC), new TraversalNode(pair.e, portE))) {
            CallRecord r = active(node.engine());
            assertEquals(IcePassthroughCallType.HOST_TO_HOST, r.iceCallType(), r::toString);
            Await.until(() -> bindable(node.port()), TraversalPairNodes.WAIT, "the relay port to be released");
        }

        CallRecord onC = hangUp(dialog);
        assertEquals(IcePassthroughCallType.HOST_TO_HOST, onC.iceCallType());
        assertEquals(IceCandidatesOffered.BOTH, onC.iceCandidates());
        assertTrue(onC.iceConfigured());
        assertEquals("BYE from caller", onC.disconnectReason());
        assertEquals(IcePassthroughCallType.HOST_TO_HOST, TraversalPairNodes.ended(pair.eventsE).iceCallType());
    }

    /** B-ICEP-07: without TLS to the inside, C drops keys and candidates toward it and keeps the call. */
    @Test
    void aCallWhoseInsideLegIsTcpStaysOnTheB2buaPathWithoutKeysOrCandidates() throws Exception {
        startPair(ZoneConfig.Transport.TCP);
        IceAgentEndpoint alice = endpoint("alice", true);
        SipClient caller = caller();
        Dialog dialog = new Dialog(caller);

        dialog.send("INVITE", "sip:bob@example.com", alice.sdp());
        StreamUas.Received invite = uas.next("INVITE");
        SessionDescription atBob = SdpCodec.decode(invite.request().body());
        MediaDescription audio = atBob.media().get(0);
        assertEquals(List.of(), audio.attributes("candidate"));
        assertEquals(List.of(), atBob.attributes("ice-ufrag"));
        assertEquals(List.of(), atBob.attributes("ice-pwd"));
        assertEquals(List.of(), audio.attributes("crypto"), "no key onto a leg without TLS");
        assertEquals("RTP/AVP", audio.proto());

        String plain = """
                v=0
                o=bob 1 1 IN IP4 127.0.0.1
                s=-
                c=IN IP4 127.0.0.1
                t=0 0
                m=audio PORT RTP/AVP 0
                a=rtpmap:0 PCMU/8000
                """.replace("PORT", String.valueOf(TestPorts.port())).replace("\n", "\r\n");
        uas.answer(invite, ok(invite, plain));
        SipMessage ok = dialog.finalResponse();
        assertEquals(200, ok.status());
        MediaDescription toCaller = SdpCodec.decode(ok.body()).media().get(0);
        assertEquals(List.of(), toCaller.attributes("candidate"));
        assertEquals("RTP/SAVP", toCaller.proto(), "the caller's leg stays SRTP, keyed by the pair");
        assertEquals(1, toCaller.attributes("crypto").size());
        assertNotEquals(alice.crypto, toCaller.attributes("crypto").get(0));
        dialog.ack(ok);

        CallRecord onC = hangUp(dialog);
        assertEquals(IcePassthroughCallType.NONE, onC.iceCallType());
        assertFalse(onC.iceConfigured(), "passthrough On, but the inside leg is TCP");
        assertEquals(IceCandidatesOffered.ONE_ENDPOINT, onC.iceCandidates());
        assertEquals(MediaEncryption.SRTP, onC.components().get(0).encryption());
        assertEquals(MediaEncryption.NONE, onC.components().get(2).encryption());
        assertTrue(TraversalPairNodes.ended(pair.eventsE).iceConfigured(), "E's legs are both TLS");
    }

    /** The caller's BYE, answered by the callee: C's final record of the call. */
    private CallRecord hangUp(Dialog dialog) throws Exception {
        dialog.send("BYE", dialog.remoteTarget, null);
        StreamUas.Received bye = uas.next("BYE");
        uas.answer(bye, Responses.to(bye.request(), 200));
        assertEquals(200, dialog.finalResponse().status());
        return TraversalPairNodes.ended(pair.eventsC);
    }

    private record TraversalNode(org.edgeway.engine.Engine engine, int port) {
    }

    /** Candidates, ICE credentials and key as the endpoint wrote them; the default address the node's own. */
    private static void assertPassedThrough(SessionDescription sent, SessionDescription arrived) throws Exception {
        MediaDescription s = sent.media().get(0);
        MediaDescription a = arrived.media().get(0);
        assertFalse(s.attributes("candidate").isEmpty());
        assertEquals(s.attributes("candidate"), a.attributes("candidate"));
        assertEquals(s.attributes("crypto"), a.attributes("crypto"));
        assertEquals(sent.attributes("ice-ufrag"), arrived.attributes("ice-ufrag"));
        assertEquals(sent.attributes("ice-pwd"), arrived.attributes("ice-pwd"));
        assertEquals("RTP/SAVP", a.proto());
        assertEquals("127.0.0.1", arrived.connection(a).address());
        assertNotEquals(s.port(), a.port(), "the default port is the node's relay port");
    }

    private IceAgentEndpoint endpoint(String user, boolean controlling) throws IOException {
        IceAgentEndpoint e = new IceAgentEndpoint(user, controlling);
        closing.add(e);
        return e;
    }

    /** A 200 to an INVITE with the callee's Contact and an SDP body. */
    private SipMessage ok(StreamUas.Received request, String sdp) {
        SipMessage ok = Responses.to(request.request(), 200);
        ok.addHeader(HeaderNames.CONTACT, "<sip:bob@127.0.0.1:" + uasPort + ";transport="
                + transportParam() + ">");
        ok.addHeader(HeaderNames.CONTENT_TYPE, "application/sdp");
        ok.setBody(sdp.getBytes(StandardCharsets.UTF_8));
        return ok;
    }

    private String transportParam() {
        return pair.c.config().service(SipService.KEY).zones().stream().filter(z -> z.name().equals("CEtls"))
                .findFirst().orElseThrow().transport().name().toLowerCase();
    }

    private static CallRecord active(org.edgeway.engine.Engine node) {
        List<CallRecord> calls = node.service(CallControl.class).activeCalls();
        assertEquals(1, calls.size(), calls::toString);
        return calls.get(0);
    }

    /** RTP packets C's B2BUA received from the caller's side (the channel of its caller leg). */
    private static long relayedFromCaller(CallRecord r) {
        CallComponent callerLeg = r.components().get(0);
        return callerLeg.media().stream().filter(m -> m.name().equals("audio RTP")).mapToLong(MediaChannel::packets)
                .sum();
    }

    /** A 172-byte RTP packet (PCMU, 20 ms) to an address. */
    private static DatagramPacket rtp(int seq, InetSocketAddress to) {
        ByteBuffer b = ByteBuffer.allocate(172);
        b.put((byte) 0x80).put((byte) 0).putShort((short) seq).putInt(seq * 160).putInt(0x11223344);
        return new DatagramPacket(b.array(), b.capacity(), to);
    }

    /** Whether a UDP socket can take the port on loopback now (the relay let go of it). */
    private static boolean bindable(int port) {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The caller's side of the dialog: its requests over its TLS connection, the route set and target it learnt. */
    private static final class Dialog {
        private final SipClient client;
        private final String callId = "ice-" + UUID.randomUUID();
        private int cseq;
        private String toTag;
        private List<String> routes = List.of();
        String remoteTarget;

        Dialog(SipClient client) {
            this.client = client;
        }

        void send(String method, String uri, String sdp) throws IOException {
            send(method, uri, method.equals("ACK") ? cseq : ++cseq, sdp);
        }

        private void send(String method, String uri, int number, String sdp) throws IOException {
            StringBuilder b = new StringBuilder();
            b.append(method).append(' ').append(uri).append(" SIP/2.0\r\n")
                    .append("Via: SIP/2.0/TLS 127.0.0.1:").append(client.localPort()).append(";branch=z9hG4bK-")
                    .append(UUID.randomUUID()).append(";rport\r\n");
            for (String r : routes) {
                b.append("Route: ").append(r).append("\r\n");
            }
            b.append("From: <sip:alice@example.com>;tag=alice1\r\n")
                    .append("To: <sip:bob@example.com>").append(toTag == null ? "" : ";tag=" + toTag).append("\r\n")
                    .append("Call-ID: ").append(callId).append("\r\n")
                    .append("CSeq: ").append(number).append(' ').append(method).append("\r\n")
                    .append("Contact: <sip:alice@127.0.0.1:").append(client.localPort()).append(";transport=tls>\r\n")
                    .append("Max-Forwards: 70\r\n");
            byte[] body = sdp == null ? new byte[0] : sdp.getBytes(StandardCharsets.UTF_8);
            if (sdp != null) {
                b.append("Content-Type: application/sdp\r\n");
            }
            b.append("Content-Length: ").append(body.length).append("\r\n\r\n");
            byte[] head = b.toString().getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[head.length + body.length];
            System.arraycopy(head, 0, out, 0, head.length);
            System.arraycopy(body, 0, out, head.length, body.length);
            client.send(out);
        }

        SipMessage finalResponse() throws Exception {
            SipMessage r = client.finalResponse();
            if (r == null) {
                throw new AssertionError("no final response from E");
            }
            return r;
        }

        /** ACK of a 2xx (RFC 3261 13.2.2.4): the dialog's target and route set from the first 2xx. */
        void ack(SipMessage ok) throws IOException {
            if (toTag == null) {
                toTag = ok.to().tag();
                remoteTarget = ok.nameAddrs(HeaderNames.CONTACT).get(0).uri().toString();
                List<String> rr = new ArrayList<>(ok.nameAddrs(HeaderNames.RECORD_ROUTE).stream()
                        .map(NameAddr::toString).toList());
                java.util.Collections.reverse(rr);
                routes = rr;
            }
            send("ACK", remoteTarget, null);
        }
    }
}
