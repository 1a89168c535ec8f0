package org.edgeway.engine.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.edgeway.engine.EngineEvent;
import org.edgeway.engine.TestPorts;
import org.edgeway.engine.calls.CallComponent;
import org.edgeway.engine.calls.CallEvent;
import org.edgeway.engine.calls.CallRecord;
import org.edgeway.engine.calls.CallStatus;
import org.edgeway.engine.calls.MediaChannel;
import org.edgeway.engine.calls.MediaEncryption;
import org.edgeway.engine.zones.ZoneConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A call with media through a traversal pair, two engines in this JVM: SIPp outside calls E over UDP, E routes it
 * over the TLS traversal connection to C, C to a SIPp callee inside that echoes RTP ({@code -rtp_echo}). The caller
 * plays SIPp's g711a capture. Both nodes anchor the media (seed 003): the E's side facing the C on its
 * demultiplexing port, everything else on per-call pairs from each node's media range. Each node's call record has
 * the B2BUA component between its two SIP legs and counters that match what SIPp sent and what was echoed; the
 * two records share the call tag.
 */
class CallsThroughPairTest {

    private static final Duration C_MEDIA_TIMEOUT = Duration.ofSeconds(4);

    private TraversalPairNodes pair;
    private List<EngineEvent> eventsE;
    private List<EngineEvent> eventsC;
    private Sipp sipp;
    private int portE;
    private int uasPort;
    private int rangeE;
    private int rangeC;

    @BeforeEach
    void setUp() {
        Assumptions.assumeTrue(Sipp.installed(), "SIPp (sip-tester) is not installed");
        Assumptions.assumeTrue(Files.isReadable(PcapFile.SIPP_G711A), "SIPp's g711a.pcap is not installed");
        pair = new TraversalPairNodes();
        eventsE = pair.eventsE;
        eventsC = pair.eventsC;
        portE = pair.portE;
        uasPort = TestPorts.port();
        sipp = new Sipp();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (sipp != null) {
            sipp.close();
        }
        if (pair != null) {
            pair.close();
        }
    }

    /** E and C paired over TLS; C ends calls whose media stops for {@link #C_MEDIA_TIMEOUT}. */
    private void startPair() throws Exception {
        startPair(ZoneConfig.MediaEncryption.AUTO);
    }

    /** The pair with this media encryption mode on both ends of the traversal zone, the SIPp callee over UDP. */
    private void startPair(ZoneConfig.MediaEncryption traversalEncryption) throws Exception {
        pair.start(traversalEncryption, false, SipTestSupport.neighbor(4, "UasZone", "127.0.0.1", uasPort,
                ZoneConfig.Transport.UDP), List.of(), 0, 0, C_MEDIA_TIMEOUT);
        rangeE = pair.rangeE;
        rangeC = pair.rangeC;
    }

    @Test
    void mediaIsRelayedThroughBothNodesAndCounted() throws Exception {
        startPair();
        PcapFile sent = callWithMedia();
        CallRecord onE = ended(eventsE);
        CallRecord onC = ended(eventsC);
        assertEquals(onE.tag(), onC.tag(), "one tag for the call on both nodes");
        for (CallRecord r : List.of(onE, onC)) {
            assertEquals(CallStatus.COMPLETED, r.status());
            assertEquals("BYE from caller", r.disconnectReason());
            assertEquals(List.of(CallComponent.Type.SIP, CallComponent.Type.B2BUA, CallComponent.Type.SIP),
                    r.components().stream().map(CallComponent::type).toList());
            // toward the callee: every packet SIPp played; back toward the caller: every packet echoed
            assertRelayed(sent, 0, r.components().get(0), r);
            assertRelayed(sent, 0, r.components().get(2), r);
            assertEquals(MediaEncryption.NONE, r.components().get(0).encryption());
            assertEquals(MediaEncryption.NONE, r.components().get(2).encryption());
        }
        assertEquals("TraversalServer", onE.components().get(2).destinationZone());
        assertEquals("TraversalClient", onC.components().get(0).sourceZone());
        assertEquals("UasZone", onC.components().get(2).destinationZone());
        // E faces its C on the demultiplexing port (the first of its range), its outside on a per-call pair
        assertEquals("127.0.0.1:" + rangeE, rtp(onE.components().get(2)).to());
        int outside = port(rtp(onE.components().get(0)).to());
        assertTrue(outside >= rangeE + 2 && outside < rangeE + 16 && outside % 2 == 0, "E outside port " + outside);
        int inside = port(rtp(onC.components().get(2)).to());
        assertTrue(inside >= rangeC && inside < rangeC + 16 && inside % 2 == 0, "C inside port " + inside);
        assertEquals("127.0.0.1:" + rangeE, rtp(onC.components().get(0)).from(), "C latched the E's demux port");
    }

    /**
     * Both ends of the traversal zone force encryption: the C-E leg is SRTP (each node keys its own direction; every
     * packet on it carries the 10-byte HMAC-SHA1-80 tag), the outside and inside legs stay clear, and what the inside
     * SIPp echoes only comes back if each node decrypted what the other encrypted.
     */
    @Test
    void forcedEncryptionMakesTheTraversalLegSrtpAndLeavesTheOthersClear() throws Exception {
        startPair(ZoneConfig.MediaEncryption.FORCE_ENCRYPTED);
        PcapFile sent = callWithMedia();
        CallRecord onE = ended(eventsE);
        CallRecord onC = ended(eventsC);
        assertEquals(MediaEncryption.NONE, onE.components().get(0).encryption());
        assertEquals(MediaEncryption.SRTP, onE.components().get(2).encryption());
        assertEquals(MediaEncryption.SRTP, onC.components().get(0).encryption());
        assertEquals(MediaEncryption.NONE, onC.components().get(2).encryption());
        assertRelayed(sent, 0, onE.components().get(0), onE);
        assertRelayed(sent, 10, onE.components().get(2), onE);
        assertRelayed(sent, 10, onC.components().get(0), onC);
        assertRelayed(sent, 0, onC.components().get(2), onC);
    }

    /** The caller plays the capture to a callee that echoes it; both SIPp scenarios complete. */
    private PcapFile callWithMedia() throws Exception {
        PcapFile sent = PcapFile.read(PcapFile.SIPP_G711A);
        Sipp.Run callee = sipp.start("-sf", sipp.scenario("uas-held.xml").toString(), "-i", "127.0.0.1", "-p",
                String.valueOf(uasPort), "-mp", String.valueOf(TestPorts.range(4)), "-rtp_echo", "-m", "1",
                "-timeout", "40s", "-timeout_error");
        Sipp.Run caller = sipp.start("127.0.0.1:" + portE, "-sf", sipp.scenario("call-media.xml", "PCAP",
                PcapFile.SIPP_G711A.toString(), "HOLD_MS", "8500").toString(), "-s", "bob", "-i", "127.0.0.1",
                "-p", String.valueOf(TestPorts.port()), "-mp", String.valueOf(TestPorts.range(4)), "-m", "1",
                "-timeout", "40s", "-timeout_error");
        assertEquals(0, caller.exitCode(60), caller::output);
        assertEquals(0, callee.exitCode(30), callee::output);
        return sent;
    }

    /** The leg's RTP channel received every packet of the capture, each {@code overhead} bytes longer. */
    private static void assertRelayed(PcapFile sent, int overhead, CallComponent leg, CallRecord r) {
        MediaChannel channel = rtp(leg);
        assertEquals(sent.packets(), channel.packets(), () -> "packets on " + leg + " of " + r);
        assertEquals(sent.payloadBytes() + overhead * sent.packets(), channel.bytes(), () -> "bytes on " + leg);
    }

    @Test
    void aCallWithoutMediaIsEndedByTheMediaTimeout() throws Exception {
        startPair();
        Sipp.Run callee = sipp.start("-sf", sipp.scenario("uas-held.xml").toString(), "-i", "127.0.0.1", "-p",
                String.valueOf(uasPort), "-mp", String.valueOf(TestPorts.range(4)), "-m", "1", "-timeout", "40s",
                "-timeout_error");
        Sipp.Run caller = sipp.start("127.0.0.1:" + portE, "-sf", sipp.scenario("call-held.xml").toString(), "-s",
                "bob", "-i", "127.0.0.1", "-p", String.valueOf(TestPorts.port()), "-mp",
                String.valueOf(TestPorts.range(4)), "-m", "1", "-timeout", "40s", "-timeout_error");
        // C sends both BYEs: the callee's directly, the caller's back through E
        assertEquals(0, caller.exitCode(60), caller::output);
        assertEquals(0, callee.exitCode(30), callee::output);
        CallRecord onC = ended(eventsC);
        assertEquals("Media timeout", onC.disconnectReason());
        assertEquals(CallStatus.COMPLETED, onC.status());
        assertTrue(onC.duration(onC.end()).compareTo(C_MEDIA_TIMEOUT) >= 0, () -> "ended early: " + onC);
        assertEquals(0, rtp(onC.components().get(0)).packets());
        CallRecord onE = ended(eventsE);
        assertEquals("BYE from callee", onE.disconnectReason());
    }

    @Test
    void anInviteWithInvalidSdpIsRefused() throws Exception {
        startPair();
        Sipp.Run caller = sipp.start("127.0.0.1:" + portE, "-sf", sipp.scenario("invite-bad-sdp.xml").toString(),
                "-s", "bob", "-i", "127.0.0.1", "-p", String.valueOf(TestPorts.port()), "-m", "1", "-timeout", "20s",
                "-timeout_error");
        assertEquals(0, caller.exitCode(30), caller::output);
        CallRecord onE = ended(eventsE);
        assertEquals(CallStatus.FAILED, onE.status());
        assertTrue(onE.disconnectReason().startsWith("488"), onE.disconnectReason());
        assertTrue(eventsC.stream().noneMatch(CallEvent.class::isInstance), "the INVITE never reached C");
    }

    private static MediaChannel rtp(CallComponent leg) {
        return leg.media().stream().filter(m -> m.name().equals("audio RTP")).findFirst()
                .orElseThrow(() -> new AssertionError("no audio RTP on " + leg));
    }

    private static int port(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    private static CallRecord ended(List<EngineEvent> events) throws InterruptedException {
        return TraversalPairNodes.ended(events);
    }
}
