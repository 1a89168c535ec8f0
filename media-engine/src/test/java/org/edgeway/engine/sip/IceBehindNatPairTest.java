package org.edgeway.engine.sip;

import static org.edgeway.engine.sip.IcePassthroughCall.active;
import static org.edgeway.engine.sip.IcePassthroughCall.assertPassedThrough;
import static org.edgeway.engine.sip.IcePassthroughCall.bindable;
import static org.edgeway.engine.sip.IcePassthroughCall.relayedFromCaller;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.edgeway.engine.Await;
import org.edgeway.engine.Engine;
import org.edgeway.engine.EngineConfig;
import org.edgeway.engine.NodeRole;
import org.edgeway.engine.SystemSize;
import org.edgeway.engine.TestPorts;
import org.edgeway.engine.calls.CallRecord;
import org.edgeway.engine.calls.IceCandidatesOffered;
import org.edgeway.engine.calls.IcePassthroughCallType;
import org.edgeway.engine.ice.IceCandidate;
import org.edgeway.engine.netns.IceAgentProcess;
import org.edgeway.engine.netns.NatTopology;
import org.edgeway.engine.sdp.SdpCodec;
import org.edgeway.engine.sdp.SessionDescription;
import org.edgeway.engine.turn.TurnConfig;
import org.edgeway.engine.turn.TurnService;
import org.edgeway.engine.turn.TurnSnapshot;
import org.edgeway.engine.zones.ZoneConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ICE passthrough calls through the traversal pair between ICE agents that sit behind real NATs: each agent is an
 * ice4j process in a network namespace of its own ({@link NatTopology}), harvesting from this engine's STUN/TURN
 * server (a TURN-only engine in this JVM, on the root namespace's address on the test internet), while the call's
 * SIP runs through the E/C pair as in {@link IcePassthroughPairTest}. Which path ICE finds depends on the NATs
 * alone; each test asserts the pair's classification of the call, that the media left the B2BUA, and that the
 * agents exchanged data on the path they selected.
 */
class IceBehindNatPairTest {

    private static final String USER = "endpoint";
    private static final String PASSWORD = "s3cret-turn";

    private NatTopology net;
    private Engine turn;
    private InetSocketAddress turnAddress;
    private IcePassthroughCall call;
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "network namespaces need root (CI and ./edgeway test run as root)");
        net = NatTopology.create();
        int port = TestPorts.port();
        int relays = TestPorts.range(32);
        turn = new Engine(e -> { }, List.of(new TurnService()));
        turn.start(new EngineConfig(NodeRole.EXPRESSWAY_E, SystemSize.SMALL, "e.example.com", net.serverAddress())
                .with(TurnService.KEY, TurnConfig.builder().enabled(true).requestsPort(port)
                        .protocolMode(TurnConfig.ProtocolMode.UDP).mediaPortRange(relays, relays + 31)
                        .allowUnauthenticatedStunBinding(true).peerAllow(List.of(net.internetCidr()))
                        .credentials(Map.of(USER, PASSWORD)).build()));
        turnAddress = new InetSocketAddress(net.serverAddress(), port);
        call = new IcePassthroughCall();
        call.start(ZoneConfig.Transport.TLS);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
        if (call != null) {
            call.close();
        }
        if (turn != null) {
            turn.close();
        }
        if (net != null) {
            net.close();
        }
    }

    /** Both behind NATs that keep one outside port per socket: the STUN mappings punch through. */
    @Test
    void behindEndpointIndependentNatsTheCallIsSrflxToSrflx() throws Exception {
        IceAgentProcess alice = agent("alice", true, net.behindNat("a", NatTopology.Nat.ENDPOINT_INDEPENDENT, null),
                "stun");
        IceAgentProcess bob = agent("bob", false, net.behindNat("b", NatTopology.Nat.ENDPOINT_INDEPENDENT, null),
                "stun");
        assertEquals(List.of("host", "srflx"), types(alice), "a host and a server-reflexive candidate");

        Outcome o = call(alice, bob, IcePassthroughCallType.SRFLX_TO_SRFLX);
        assertEquals("srflx", o.alice().localType(), "Alice's checks left through her NAT's mapping");
        assertEquals("srflx", o.alice().selected().remoteType(), "and reached Bob's");
        assertEquals("srflx", o.bob().selected().remoteType());
        assertEquals(0, relayedByTurn(), "no relay on the path");
    }

    /** Alice on a public address of her own, Bob behind a NAT: his checks open the way to her host address. */
    @Test
    void aPublicHostAndAnEndpointBehindANatMakeHostToSrflx() throws Exception {
        IceAgentProcess alice = agent("alice", true, net.direct("a"), "stun");
        IceAgentProcess bob = agent("bob", false, net.behindNat("b", NatTopology.Nat.ENDPOINT_INDEPENDENT, null),
                "stun");

        Outcome o = call(alice, bob, IcePassthroughCallType.HOST_TO_SRFLX);
        assertEquals("host", o.alice().localType());
        assertEquals("srflx", o.alice().selected().remoteType());
    }

    /**
     * Alice behind a symmetric NAT (a new outside port for every destination, so her STUN mapping is good for the
     * STUN server alone), Bob behind an endpoint-independent one: no reflexive pair gets through, and the path
     * runs through a relay of this engine's TURN server.
     */
    @Test
    void behindASymmetricNatTheCallGoesThroughOurTurnRelay() throws Exception {
        IceAgentProcess alice = agent("alice", true, net.behindNat("a", NatTopology.Nat.SYMMETRIC, null), "turn");
        IceAgentProcess bob = agent("bob", false, net.behindNat("b", NatTopology.Nat.ENDPOINT_INDEPENDENT, null),
                "turn");
        assertEquals(List.of("host", "relay", "srflx"), types(alice), "the TURN allocation's two candidates");

        Outcome o = call(alice, bob, IcePassthroughCallType.SRFLX_TO_RELAY);
        assertRelayedByOurTurn(o);
    }

    /**
     * Both behind symmetric NATs whose firewalls let UDP out to the TURN server's port alone (as enterprise
     * firewalls that allow TURN do): only relay to relay works, both relays on this engine's TURN server.
     */
    @Test
    void behindFirewallsThatAllowOnlyTurnTheCallIsRelayToRelay() throws Exception {
        IceAgentProcess alice = agent("alice", true, net.behindNat("a", NatTopology.Nat.SYMMETRIC, turnAddress),
                "turn");
        IceAgentProcess bob = agent("bob", false, net.behindNat("b", NatTopology.Nat.SYMMETRIC, turnAddress),
                "turn");

        Outcome o = call(alice, bob, IcePassthroughCallType.RELAY_TO_RELAY);
        assertEquals("relay", o.alice().localType());
        assertEquals("relay", o.alice().selected().remoteType());
        assertRelayedByOurTurn(o);
    }

    /** The relayed end of the selected pair is an allocation of our TURN server, and the data went through it. */
    private void assertRelayedByOurTurn(Outcome o) throws InterruptedException {
        IceCandidate relayed = o.alice().localType().equals("relay") ? o.alice().local()
                : IceCandidate.parse(o.bob().selected().localCandidate());
        assertEquals("relay", relayed.type().token(), "one end of the path is a relay: " + o);
        List<String> relays = turn.snapshot().service(TurnService.KEY).relays().stream()
                .flatMap(r -> r.relayAddresses().stream()).toList();
        assertTrue(relays.contains(relayed.address() + ":" + relayed.port()), relays::toString);
        Await.until(() -> relayedByTurn() - o.relayedByTurnBeforeData() >= 2, TraversalPairNodes.WAIT,
                "the TURN server to count both datagrams it relayed: " + o);
    }

    private IceAgentProcess agent(String name, boolean controlling, NatTopology.Endpoint where, String harvest)
            throws Exception {
        List<String> args = new ArrayList<>(List.of(controlling ? "controlling" : "controlled",
                String.valueOf(TestPorts.BAND_START)));
        String server = turnAddress.getHostString() + ":" + turnAddress.getPort();
        if (harvest.equals("stun")) {
            args.addAll(List.of("stun", server));
        } else {
            args.addAll(List.of("turn", server, USER, PASSWORD));
        }
        Path log = Files.createTempFile(Path.of("target"), "ice-agent-" + name + "-", ".log");
        IceAgentProcess agent = new IceAgentProcess(where, args, log);
        closing.add(agent);
        return agent;
    }

    private static List<String> types(IceAgentProcess agent) {
        return agent.description().candidates().stream().map(c -> IceCandidate.parse(c).type().token()).sorted()
                .toList();
    }

    /** What each agent selected, and the packets our TURN server had relayed before they exchanged data. */
    private record Outcome(Selection alice, Selection bob, long relayedByTurnBeforeData) {
    }

    private record Selection(String localType, IceCandidate local, IceAgentProcess.Selected selected) {
    }

    /**
     * Alice calls Bob through the pair: their descriptions pass through both nodes, the agents run ICE with what
     * reached them, exchange data on the selected pair, Alice (controlling) sends the updated offer, and the call
     * is classified on both nodes; then the caller hangs up.
     */
    private Outcome call(IceAgentProcess alice, IceAgentProcess bob, IcePassthroughCallType expected)
            throws Exception {
        TraversalPairNodes pair = call.pair;
        IceSdp aliceSdp = new IceSdp("alice");
        IceSdp bobSdp = new IceSdp("bob");
        String offer = initial(aliceSdp, alice);
        StreamUas.Received invite = call.invite(offer);
        SessionDescription atBob = SdpCodec.decode(invite.request().body());
        assertPassedThrough(SdpCodec.decode(offer), atBob);
        String answer = initial(bobSdp, bob);
        SessionDescription atAlice = call.answer(invite, answer);
        assertPassedThrough(SdpCodec.decode(answer), atAlice);
        int portC = atBob.media().get(0).port();
        int portE = atAlice.media().get(0).port();
        assertTrue(!bindable(portC) && !bindable(portE), "the nodes relay media until ICE concludes");

        alice.check(atAlice.attributes("ice-ufrag").get(0), atAlice.attributes("ice-pwd").get(0),
                atAlice.media().get(0).attributes("candidate"));
        bob.check(atBob.attributes("ice-ufrag").get(0), atBob.attributes("ice-pwd").get(0),
                atBob.media().get(0).attributes("candidate"));
        Selection a = selection(alice);
        Selection b = selection(bob);
        long turnBefore = relayedByTurn();
        alice.send("hello bob, around the nodes");
        assertEquals("hello bob, around the nodes", bob.received());
        bob.send("hello alice");
        assertEquals("hello alice", alice.received());

        String remote = "1 " + a.selected().remoteAddress() + " " + a.selected().remotePort();
        call.update(aliceSdp.describe(address(a.local()), alice.description().ufrag(), alice.description().pwd(),
                        List.of(a.selected().localCandidate()), remote),
                bobSdp.describe(address(b.local()), bob.description().ufrag(), bob.description().pwd(),
                        List.of(b.selected().localCandidate()), null));
        for (Engine node : List.of(pair.c, pair.e)) {
            CallRecord r = active(node);
            assertEquals(expected, r.iceCallType(), r::toString);
        }
        Await.until(() -> bindable(portC) && bindable(portE), TraversalPairNodes.WAIT,
                "both nodes to release the call's relay ports: the media left the B2BUA");
        assertEquals(0, relayedFromCaller(active(pair.c)), "no media of the call went through C");

        CallRecord onC = call.hangUp();
        assertEquals(expected, onC.iceCallType());
        assertEquals(IceCandidatesOffered.BOTH, onC.iceCandidates());
        assertTrue(onC.iceConfigured());
        assertEquals(expected, TraversalPairNodes.ended(pair.eventsE).iceCallType());
        return new Outcome(a, b, turnBefore);
    }

    /** An agent's first offer or answer: its host candidate as the default address (B-ICEP-11), every candidate. */
    private static String initial(IceSdp sdp, IceAgentProcess agent) throws Exception {
        IceAgentProcess.Description d = agent.description();
        IceCandidate host = d.candidates().stream().map(IceCandidate::parse)
                .filter(c -> c.type().token().equals("host")).findFirst().orElseThrow();
        return sdp.describe(address(host), d.ufrag(), d.pwd(), d.candidates(), null);
    }

    private static Selection selection(IceAgentProcess agent) throws Exception {
        IceAgentProcess.Selected s = agent.selected();
        IceCandidate local = IceCandidate.parse(s.localCandidate());
        return new Selection(local.type().token(), local, s);
    }

    private static InetSocketAddress address(IceCandidate c) throws Exception {
        return new InetSocketAddress(InetAddress.getByName(c.address()), c.port());
    }

    /** Packets the TURN server relayed between its clients and their peers, over every allocation. */
    private long relayedByTurn() {
        TurnSnapshot s = turn.snapshot().service(TurnService.KEY);
        return s.relays().stream().mapToLong(r -> r.packetsToClient() + r.packetsFromClient()).sum();
    }
}
