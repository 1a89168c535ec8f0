package org.edgeway.engine.turn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.edgeway.engine.Engine;
import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.ice.Agent;
import org.ice4j.ice.CandidateType;
import org.ice4j.ice.Component;
import org.ice4j.ice.IceMediaStream;
import org.ice4j.ice.KeepAliveStrategy;
import org.ice4j.ice.LocalCandidate;
import org.ice4j.ice.harvest.TurnCandidateHarvester;
import org.ice4j.security.LongTermCredential;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A third-party ICE agent (jitsi ice4j) gathers a relayed candidate from our TURN server. */
class Ice4jTurnHarvesterTest {

    @BeforeAll
    static void quietIce4j() {
        // no cloud metadata lookups, no external STUN mapping
        System.setProperty("ice4j.harvest.mapping.aws.enabled", "false");
        System.setProperty("ice4j.harvest.use-link-local-addresses", "false");
        System.setProperty("ice4j.harvest.timeout", "5 seconds");
    }

    @Test
    void gathersARelayCandidate() throws Exception {
        try (Engine engine = TurnTestSupport.start(b -> b, null)) {
            int port = TurnTestSupport.udp(engine).getPort();
            Agent agent = new Agent();
            try {
                agent.addCandidateHarvester(new TurnCandidateHarvester(
                        new TransportAddress("127.0.0.1", port, Transport.UDP),
                        new LongTermCredential(TurnTestSupport.USER, TurnTestSupport.PASSWORD)));
                IceMediaStream stream = agent.createMediaStream("audio");
                Component component = agent.createComponent(stream, KeepAliveStrategy.SELECTED_ONLY, false);
                List<LocalCandidate> relayed = component.getLocalCandidates().stream()
                        .filter(c -> c.getType() == CandidateType.RELAYED_CANDIDATE).toList();
                assertFalse(relayed.isEmpty(), () -> "no relay candidate in " + component.getLocalCandidates());
                TurnSnapshot turn = engine.snapshot().service(TurnService.KEY);
                assertTrue(turn.activeRelays() >= 1);
                String candidate = relayed.get(0).getTransportAddress().getHostAddress() + ":"
                        + relayed.get(0).getTransportAddress().getPort();
                assertTrue(turn.relays().stream().anyMatch(r -> r.relayAddresses().contains(candidate)),
                        () -> candidate + " not among " + turn.relays());
                assertEquals("alice", turn.relays().get(0).username());
            } finally {
                agent.free();
            }
        }
    }
}
