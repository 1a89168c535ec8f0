package org.edgeway.engine.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.edgeway.engine.Engine;
import org.edgeway.engine.TestPorts;
import org.edgeway.engine.calls.CallComponent;
import org.edgeway.engine.calls.CallControl;
import org.edgeway.engine.calls.CallRecord;
import org.edgeway.engine.calls.MediaChannel;
import org.edgeway.engine.sdp.MediaDescription;
import org.edgeway.engine.sdp.SdpCodec;
import org.edgeway.engine.sdp.SessionDescription;
import org.edgeway.engine.sip.message.HeaderNames;
import org.edgeway.engine.sip.message.Responses;
import org.edgeway.engine.sip.message.SipMessage;
import org.edgeway.engine.tls.SelfSignedCertificate;
import org.edgeway.engine.zones.ZoneConfig;

/**
 * An ICE passthrough call through the traversal pair for tests whose endpoints are ICE agents (in this JVM or in
 * processes of their own): the pair with passthrough On on every zone, the callee's SIP side (a {@link StreamUas}
 * on C's TLS or TCP neighbor zone) and the caller's TLS dialog with E. The agents' SDP is the test's; this carries
 * it: INVITE, 200, ACK, the controlling agent's updated re-INVITE and the BYE.
 */
final class IcePassthroughCall implements AutoCloseable {

    final TraversalPairNodes pair = new TraversalPairNodes();
    private final int uasPort = TestPorts.port();
    private final int tlsPortE = TestPorts.port();
    private final KeyStore uasKey;
    private StreamUas uas;
    private SipClient client;
    CallerDialog dialog;

    IcePassthroughCall() throws Exception {
        uasKey = SelfSignedCertificate.create("uas.example.com", TraversalPairNodes.PASSWORD.toCharArray());
    }

    /** Keeps ice4j agents in this JVM to the test's interfaces and quick to give up harvesting. */
    static void quietIce4j() {
        System.setProperty("ice4j.harvest.mapping.aws.enabled", "false");
        System.setProperty("ice4j.harvest.use-link-local-addresses", "false");
        System.setProperty("ice4j.harvest.use-ipv6", "false");
        System.setProperty("ice4j.harvest.timeout", "5 seconds");
    }

    /** Starts the pair with the callee on a TLS or TCP neighbor of C, and connects the caller to E over TLS. */
    void start(ZoneConfig.Transport inside) throws Exception {
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
                tlsPortE, TestPorts.port(), Duration.ofSeconds(60));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(pair.keyE);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), tlsPortE);
        s.startHandshake();
        client = SipClient.over(s);
        dialog = new CallerDialog(client);
    }

    /** The caller's INVITE with this offer; the request as it reached the callee. */
    StreamUas.Received invite(String offer) throws Exception {
        dialog.send("INVITE", "sip:bob@example.com", offer);
        return uas.next("INVITE");
    }

    /** The callee's 200 with this answer to the INVITE, the caller's ACK; the answer as it reached the caller. */
    SessionDescription answer(StreamUas.Received invite, String answer) throws Exception {
        uas.answer(invite, ok(invite, answer));
        SipMessage ok = dialog.finalResponse();
        assertEquals(200, ok.status());
        dialog.ack(ok);
        return SdpCodec.decode(ok.body());
    }

    /**
     * The controlling agent's updated offer (RFC 8839 4.2.4) in a re-INVITE and the callee's updated answer: both
     * pass the nodes unchanged.
     */
    void update(String offer, String answer) throws Exception {
        dialog.send("INVITE", dialog.remoteTarget, offer);
        StreamUas.Received reInvite = uas.next("INVITE");
        assertEquals(offer, new String(reInvite.request().body(), StandardCharsets.UTF_8));
        uas.answer(reInvite, ok(reInvite, answer));
        SipMessage ok = dialog.finalResponse();
        assertEquals(200, ok.status());
        assertEquals(answer, new String(ok.body(), StandardCharsets.UTF_8));
        dialog.ack(ok);
    }

    /** The caller's BYE, answered by the callee: C's final record of the call. */
    CallRecord hangUp() throws Exception {
        dialog.send("BYE", dialog.remoteTarget, null);
        StreamUas.Received bye = uas.next("BYE");
        uas.answer(bye, Responses.to(bye.request(), 200));
        assertEquals(200, dialog.finalResponse().status());
        return TraversalPairNodes.ended(pair.eventsC);
    }

    /** A 200 to an INVITE with the callee's Contact and an SDP body. */
    SipMessage ok(StreamUas.Received request, String sdp) {
        SipMessage ok = Responses.to(request.request(), 200);
        String transport = pair.c.config().service(SipService.KEY).zones().stream()
                .filter(z -> z.name().equals("CEtls")).findFirst().orElseThrow().transport().name().toLowerCase();
        ok.addHeader(HeaderNames.CONTACT, "<sip:bob@127.0.0.1:" + uasPort + ";transport=" + transport + ">");
        ok.addHeader(HeaderNames.CONTENT_TYPE, "application/sdp");
        ok.setBody(sdp.getBytes(StandardCharsets.UTF_8));
        return ok;
    }

    /** Candidates, ICE credentials and key as the endpoint wrote them; the default address the node's own. */
    static void assertPassedThrough(SessionDescription sent, SessionDescription arrived) throws Exception {
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

    /** The one call a node has up now. */
    static CallRecord active(Engine node) {
        List<CallRecord> calls = node.service(CallControl.class).activeCalls();
        assertEquals(1, calls.size(), calls::toString);
        return calls.get(0);
    }

    /** RTP packets C's B2BUA received from the caller's side (the channel of its caller leg). */
    static long relayedFromCaller(CallRecord r) {
        CallComponent callerLeg = r.components().get(0);
        return callerLeg.media().stream().filter(m -> m.name().equals("audio RTP")).mapToLong(MediaChannel::packets)
                .sum();
    }

    /** Whether a UDP socket can take the port on loopback now (the relay let go of it). */
    static boolean bindable(int port) {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws Exception {
        if (client != null) {
            client.close();
        }
        if (uas != null) {
            uas.close();
        }
        pair.close();
    }
}
