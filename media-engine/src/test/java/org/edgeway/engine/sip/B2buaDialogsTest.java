package org.edgeway.engine.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.edgeway.engine.TestPorts;
import org.edgeway.engine.calls.CallComponent;
import org.edgeway.engine.calls.CallRecord;
import org.edgeway.engine.calls.CallStatus;
import org.edgeway.engine.calls.MediaChannel;
import org.edgeway.engine.sip.dialog.TrackedCall;
import org.edgeway.engine.zones.ZoneConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The C terminates a call that crosses the traversal zone as a B2BUA (two dialogs), the E proxies it anchoring its
 * media: SIPp outside calls E over UDP, E routes over the TLS traversal connection to C, C to a SIPp callee inside.
 * The SIPp scenarios log the dialog identifiers each side saw ({@code -trace_logs}) and check the SDP they get
 * ({@code check_it}): every exchange, not only the first, goes through both nodes' relays.
 */
class B2buaDialogsTest {

    private static final Pattern FIELD = Pattern.compile("([a-z-]+)=(.*?)(?= [a-z-]+=|$)");

    private TraversalPairNodes pair;
    private Sipp sipp;
    private int uasPort;

    @BeforeEach
    void setUp() throws Exception {
        Assumptions.assumeTrue(Sipp.installed(), "SIPp (sip-tester) is not installed");
        Assumptions.assumeTrue(Files.isReadable(PcapFile.SIPP_G711A), "SIPp's g711a.pcap is not installed");
        pair = new TraversalPairNodes();
        uasPort = TestPorts.port();
        sipp = new Sipp();
        pair.start(ZoneConfig.MediaEncryption.AUTO, false, SipTestSupport.neighbor(4, "UasZone", "127.0.0.1",
                uasPort, ZoneConfig.Transport.UDP), List.of(), 0, 0, Duration.ofSeconds(60));
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

    /**
     * The callee sees C's dialog, not the caller's: another Call-ID and From tag, only C's Via; the caller sees C's
     * To tag, not the callee's. The callee hangs up: its BYE reaches the caller in the caller's dialog, and each
     * node keeps one record of the call, with the same tag.
     */
    @Test
    void theCalleeSeesTheNodesDialogAndItsByeReachesTheCaller() throws Exception {
        Call call = call(sipp.scenario("uas-hangs-up.xml", "HOLD_MS", "1000"), List.of("-trace_logs"),
                sipp.scenario("call-held-logged.xml"), List.of("-trace_logs"));
        Map<String, String> sent = logged(call.caller(), "call-held-logged", "caller");
        Map<String, String> got = logged(call.callee(), "uas-hangs-up", "callee");
        for (String field : List.of("call-id", "from-tag", "to-tag")) {
            assertFalse(sent.getOrDefault(field, "").isEmpty(), () -> "the caller logged no " + field + ": " + sent);
        }
        for (String field : List.of("call-id", "from-tag", "own-tag", "via")) {
            assertFalse(got.getOrDefault(field, "").isEmpty(), () -> "the callee logged no " + field + ": " + got);
        }
        assertNotEquals(sent.get("call-id"), got.get("call-id"), "the callee's Call-ID is the node's own");
        assertNotEquals(sent.get("from-tag"), got.get("from-tag"), "the callee's From tag is the node's own");
        assertNotEquals(got.get("own-tag"), sent.get("to-tag"), "the caller is answered with the node's To tag");
        assertTrue(got.get("via").startsWith("SIP/2.0/UDP 127.0.0.1:" + pair.portC + ";"),
                () -> "the callee's only Via is C's: " + got.get("via"));
        CallRecord onC = TraversalPairNodes.ended(pair.eventsC);
        CallRecord onE = TraversalPairNodes.ended(pair.eventsE);
        assertEquals(onE.tag(), onC.tag(), "one tag for the call on both nodes");
        for (CallRecord r : List.of(onC, onE)) {
            assertEquals(CallStatus.COMPLETED, r.status());
            assertEquals("BYE from callee", r.disconnectReason());
        }
    }

    /**
     * Media, then a re-INVITE holding the call (a=sendonly reaches the callee, its a=recvonly the caller), another
     * resuming it with the caller's RTP port moved, and media again: both plays are relayed both ways on both nodes.
     */
    @Test
    void holdAndResumeByReInviteKeepTheMediaOnTheRelays() throws Exception {
        PcapFile sent = PcapFile.read(PcapFile.SIPP_G711A);
        call(sipp.scenario("uas-reinvited.xml"), List.of("-rtp_echo"), sipp.scenario("call-hold-resume.xml", "PCAP",
                PcapFile.SIPP_G711A.toString(), "PLAY_MS", "6000"), List.of());
        CallRecord onE = TraversalPairNodes.ended(pair.eventsE);
        CallRecord onC = TraversalPairNodes.ended(pair.eventsC);
        long played = assertCrossedBothNodes(onE, onC);
        // the first play is all SIPp sends before the hold: more than that means media flowed again after resume
        assertTrue(played > sent.packets() + sent.packets() / 2, () -> "after resume: " + played + " packets");
        assertEquals("BYE from caller", onC.disconnectReason());
    }

    /**
     * Late offer: the INVITE goes on without SDP, the callee's offer in the 200 and the caller's answer in the ACK
     * are anchored on both nodes, and what the caller plays is relayed and echoed through them.
     */
    @Test
    void aLateOfferCallIsRelayedThroughBothNodes() throws Exception {
        PcapFile sent = PcapFile.read(PcapFile.SIPP_G711A);
        call(sipp.scenario("uas-held.xml"), List.of("-rtp_echo"), sipp.scenario("call-late-offer.xml", "PCAP",
                PcapFile.SIPP_G711A.toString(), "HOLD_MS", "7000"), List.of());
        CallRecord onE = TraversalPairNodes.ended(pair.eventsE);
        CallRecord onC = TraversalPairNodes.ended(pair.eventsC);
        for (CallRecord r : List.of(onE, onC)) {
            assertEquals(List.of(CallComponent.Type.SIP, CallComponent.Type.B2BUA, CallComponent.Type.SIP),
                    r.components().stream().map(CallComponent::type).toList());
        }
        long played = assertCrossedBothNodes(onE, onC);
        // SIPp may start a play a packet or two late; what it sent crossed both relays and came back whole
        assertTrue(played >= sent.packets() - 4 && played <= sent.packets(), () -> played + " packets relayed");
    }

    /**
     * A re-INVITE whose SDP is not valid is refused 488 before it reaches the callee (whose scenario has no room
     * for it); the call stays up and the caller's BYE ends it normally.
     */
    @Test
    void aReInviteWithBadSdpIsRefusedAndTheCallStaysUp() throws Exception {
        call(sipp.scenario("uas-held.xml"), List.of(), sipp.scenario("call-bad-reinvite.xml"), List.of());
        for (CallRecord r : List.of(TraversalPairNodes.ended(pair.eventsE), TraversalPairNodes.ended(pair.eventsC))) {
            assertEquals(CallStatus.COMPLETED, r.status());
            assertEquals("BYE from caller", r.disconnectReason());
        }
    }

    /**
     * The administrator disconnects the call on the C once it is confirmed: the C sends a BYE into each of its two
     * dialogs (the caller's reaches it through the E), both SIPp scenarios end on that BYE, and each node keeps one
     * record of the call.
     */
    @Test
    void aDisconnectOnTheCEndsBothDialogs() throws Exception {
        Call call = start(sipp.scenario("uas-held.xml"), List.of(), sipp.scenario("call-held.xml"), List.of());
        SipServer c = pair.c.service(SipService.class).server();
        org.edgeway.engine.Await.until(() -> c.calls().calls().stream().anyMatch(TrackedCall::confirmed),
                Duration.ofSeconds(20), "the call to be confirmed on C");
        String serial = c.calls().activeCalls().get(0).serialNumber();
        assertTrue(c.calls().disconnect(serial));
        assertEquals(0, call.caller().exitCode(30), call.caller()::output);
        assertEquals(0, call.callee().exitCode(20), call.callee()::output);
        assertEquals("Disconnected by administrator", TraversalPairNodes.ended(pair.eventsC).disconnectReason());
        assertEquals("BYE from callee", TraversalPairNodes.ended(pair.eventsE).disconnectReason());
    }

    /** The two SIPp processes of one call. */
    private record Call(Sipp.Run caller, Sipp.Run callee) {
    }

    /**
     * One call through the pair: the callee's scenario inside (its extra arguments: -rtp_echo, -trace_logs), the
     * caller's toward E; both scenarios must complete.
     */
    private Call call(Path calleeScenario, List<String> calleeArgs, Path callerScenario, List<String> callerArgs)
            throws Exception {
        Call call = start(calleeScenario, calleeArgs, callerScenario, callerArgs);
        assertEquals(0, call.caller().exitCode(70), call.caller()::output);
        assertEquals(0, call.callee().exitCode(20), call.callee()::output);
        return call;
    }

    /** The call's two SIPp processes started, the callee first. */
    private Call start(Path calleeScenario, List<String> calleeArgs, Path callerScenario, List<String> callerArgs)
            throws Exception {
        List<String> uas = new java.util.ArrayList<>(List.of("-sf", calleeScenario.toString(), "-i", "127.0.0.1",
                "-p", String.valueOf(uasPort), "-mp", String.valueOf(TestPorts.range(4)), "-m", "1", "-timeout",
                "50s", "-timeout_error"));
        uas.addAll(calleeArgs);
        List<String> uac = new java.util.ArrayList<>(List.of("127.0.0.1:" + pair.portE, "-sf",
                callerScenario.toString(), "-s", "bob", "-i", "127.0.0.1", "-p", String.valueOf(TestPorts.port()),
                "-mp", String.valueOf(TestPorts.range(4)), "-m", "1", "-timeout", "50s", "-timeout_error"));
        uac.addAll(callerArgs);
        Sipp.Run callee = sipp.start(uas.toArray(String[]::new));
        return new Call(sipp.start(uac.toArray(String[]::new)), callee);
    }

    /**
     * What the caller sent reached E, then C (on the legs facing the caller), and the callee's echo of it came back
     * to C and E (on the legs facing the callee): the same packets and bytes on all four RTP channels. Returns the
     * packet count.
     */
    private static long assertCrossedBothNodes(CallRecord onE, CallRecord onC) {
        MediaChannel fromCaller = rtp(onE.components().get(0));
        for (CallRecord r : List.of(onE, onC)) {
            for (CallComponent leg : List.of(r.components().get(0), r.components().get(2))) {
                assertEquals(fromCaller.packets(), rtp(leg).packets(), () -> "packets on " + leg + " of " + r);
                assertEquals(fromCaller.bytes(), rtp(leg).bytes(), () -> "bytes on " + leg + " of " + r);
            }
        }
        return fromCaller.packets();
    }

    private static MediaChannel rtp(CallComponent leg) {
        return leg.media().stream().filter(m -> m.name().equals("audio RTP")).findFirst()
                .orElseThrow(() -> new AssertionError("no audio RTP on " + leg));
    }

    /** The fields (name=value) of the line starting with {@code who} in a scenario's -trace_logs log. */
    private static Map<String, String> logged(Sipp.Run run, String scenario, String who) throws IOException {
        try (var files = Files.list(run.dir())) {
            for (Path p : files.filter(f -> f.getFileName().toString().contains(scenario)
                    && f.getFileName().toString().endsWith("_logs.log")).toList()) {
                for (String line : Files.readAllLines(p)) {
                    if (line.startsWith(who + " ")) {
                        Map<String, String> out = new HashMap<>();
                        Matcher m = FIELD.matcher(line.substring(who.length()));
                        while (m.find()) {
                            out.put(m.group(1), m.group(2).trim());
                        }
                        return out;
                    }
                }
            }
        }
        throw new AssertionError("no '" + who + "' line logged by " + scenario + ":\n" + run.output());
    }
}
