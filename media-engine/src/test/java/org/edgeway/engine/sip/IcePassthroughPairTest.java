package org.edgeway.engine.sip;

import static org.edgeway.engine.sip.IcePassthroughCall.active;
import static org.edgeway.engine.sip.IcePassthroughCall.assertPassedThrough;
import static org.edgeway.engine.sip.IcePassthroughCall.bindable;
import static org.edgeway.engine.sip.IcePassthroughCall.relayedFromCaller;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.edgeway.engine.Await;
import org.edgeway.engine.TestPorts;
import org.edgeway.engine.calls.CallRecord;
import org.edgeway.engine.calls.IceCandidatesOffered;
import org.edgeway.engine.calls.IcePassthroughCallType;
import org.edgeway.engine.calls.MediaEncryption;
import org.edgeway.engine.sdp.MediaDescription;
import org.edgeway.engine.sdp.SdpCodec;
import org.edgeway.engine.sdp.SessionDescription;
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

    private IcePassthroughCall call;
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeAll
    static void quietIce4j() {
        IcePassthroughCall.quietIce4j();
    }

    @BeforeEach
    void setUp() throws Exception {
        call = new IcePassthroughCall();
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        call.close();
    }

    @Test
    void theAgentsCompleteIceAroundThePairAndTheCallIsHostToHost() throws Exception {
        Assumptions.assumeTrue(IceAgentEndpoint.hostAddress() != null,
                "no interface but loopback: ice4j gathers no host candidate on loopback");
        call.start(ZoneConfig.Transport.TLS);
        TraversalPairNodes pair = call.pair;
        IceAgentEndpoint alice = endpoint("alice", true);
        IceAgentEndpoint bob = endpoint("bob", false);

        String offer = alice.sdp();
        StreamUas.Received invite = call.invite(offer);
        SessionDescription atBob = SdpCodec.decode(invite.request().body());
        assertPassedThrough(SdpCodec.decode(offer), atBob);
        int portC = atBob.media().get(0).port();
        assertTrue(portC >= pair.rangeC && portC < pair.rangeC + 16, "C's port toward the callee: " + portC);

        String answer = bob.sdp();
        SessionDescription atAlice = call.answer(invite, answer);
        assertPassedThrough(SdpCodec.decode(answer), atAlice);
        int portE = atAlice.media().get(0).port();
        assertTrue(portE >= pair.rangeE + 2 && portE < pair.rangeE + 16, "E's port toward the caller: " + portE);

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
        call.update(alice.selectedSdp(true), bob.selectedSdp(false));

        for (TraversalNode node : List.of(new TraversalNode(pair.c, portC), new TraversalNode(pair.e, portE))) {
            CallRecord r = active(node.engine());
            assertEquals(IcePassthroughCallType.HOST_TO_HOST, r.iceCallType(), r::toString);
            Await.until(() -> bindable(node.port()), TraversalPairNodes.WAIT, "the relay port to be released");
        }

        CallRecord onC = call.hangUp();
        assertEquals(IcePassthroughCallType.HOST_TO_HOST, onC.iceCallType());
        assertEquals(IceCandidatesOffered.BOTH, onC.iceCandidates());
        assertTrue(onC.iceConfigured());
        assertEquals("BYE from caller", onC.disconnectReason());
        assertEquals(IcePassthroughCallType.HOST_TO_HOST, TraversalPairNodes.ended(pair.eventsE).iceCallType());
    }

    /** B-ICEP-07: without TLS to the inside, C drops keys and candidates toward it and keeps the call. */
    @Test
    void aCallWhoseInsideLegIsTcpStaysOnTheB2buaPathWithoutKeysOrCandidates() throws Exception {
        call.start(ZoneConfig.Transport.TCP);
        IceAgentEndpoint alice = endpoint("alice", true);

        StreamUas.Received invite = call.invite(alice.sdp());
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
        MediaDescription toCaller = call.answer(invite, plain).media().get(0);
        assertEquals(List.of(), toCaller.attributes("candidate"));
        assertEquals("RTP/SAVP", toCaller.proto(), "the caller's leg stays SRTP, keyed by the pair");
        assertEquals(1, toCaller.attributes("crypto").size());
        assertNotEquals(alice.crypto, toCaller.attributes("crypto").get(0));

        CallRecord onC = call.hangUp();
        assertEquals(IcePassthroughCallType.NONE, onC.iceCallType());
        assertFalse(onC.iceConfigured(), "passthrough On, but the inside leg is TCP");
        assertEquals(IceCandidatesOffered.ONE_ENDPOINT, onC.iceCandidates());
        assertEquals(MediaEncryption.SRTP, onC.components().get(0).encryption());
        assertEquals(MediaEncryption.NONE, onC.components().get(2).encryption());
        assertTrue(TraversalPairNodes.ended(call.pair.eventsE).iceConfigured(), "E's legs are both TLS");
    }

    private record TraversalNode(org.edgeway.engine.Engine engine, int port) {
    }

    private IceAgentEndpoint endpoint(String user, boolean controlling) throws IOException {
        IceAgentEndpoint e = new IceAgentEndpoint(user, controlling);
        closing.add(e);
        return e;
    }

    /** A 172-byte RTP packet (PCMU, 20 ms) to an address. */
    private static DatagramPacket rtp(int seq, InetSocketAddress to) {
        ByteBuffer b = ByteBuffer.allocate(172);
        b.put((byte) 0x80).put((byte) 0).putShort((short) seq).putInt(seq * 160).putInt(0x11223344);
        return new DatagramPacket(b.array(), b.capacity(), to);
    }
}
