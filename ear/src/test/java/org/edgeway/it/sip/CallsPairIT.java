package org.edgeway.it.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.edgeway.engine.TestPorts;
import org.edgeway.engine.sip.PcapFile;
import org.edgeway.engine.sip.Sipp;
import org.edgeway.it.ServerNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A call with media through a deployed C/E pair ({@link CallPair}, paired through the REST API): an
 * outside SIPp calls the E, the call crosses the traversal zone to the C and on to an inside SIPp that echoes RTP.
 * The caller plays SIPp's g711a capture. While the call is up, each node's /status/sip lists it with the B2BUA
 * component between its two SIP legs, the same tag on both nodes, and relayed RTP counters equal to what SIPp played
 * (toward the callee) and what was echoed (back toward the caller); after the BYE neither lists it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallsPairIT {

    static final String ADMIN_PASSWORD = "Edgeway-calls-2026";

    ServerNode c;
    ServerNode e;
    CallPair pair;
    int rangeE;
    Sipp sipp;

    @BeforeAll
    void pair() throws Exception {
        Assumptions.assumeTrue(Sipp.installed(), "SIPp (sip-tester) is not installed");
        Assumptions.assumeTrue(java.nio.file.Files.isReadable(PcapFile.SIPP_G711A), "no SIPp g711a.pcap");
        // media ranges from the test band, outside the ephemeral range: the E demultiplexes on the first pair of its
        int rangeC = TestPorts.range(32);
        rangeE = TestPorts.range(32);
        c = new ServerNode("calls-c", 40, "--role", "C", "--", "-Dedgeway.media.portRange=" + rangeC + "-"
                + (rangeC + 31)).fresh();
        e = new ServerNode("calls-e", 50, "--role", "E", "--", "-Dedgeway.media.portRange=" + rangeE + "-"
                + (rangeE + 31)).fresh();
        pair = CallPair.start(c, e, ADMIN_PASSWORD);
        sipp = new Sipp();
    }

    @AfterEach
    void stopSipp() throws Exception {
        sipp.close();
    }

    @AfterAll
    void stop() throws Exception {
        CallPair.stop(c, e);
    }

    @Test
    void mediaThroughThePairIsRelayedAndCountedOnBothNodes() throws Exception {
        PcapFile played = PcapFile.read(PcapFile.SIPP_G711A);
        Sipp.Run callee = pair.insideCallee(sipp);
        // the caller holds the call 8 s after the capture's 7 s, so the counters are read while it is active
        Sipp.Run caller = pair.callFromOutside(sipp, 15000);

        JsonNode onC = CallPair.relayed(pair.apiC, played.packets());
        JsonNode onE = CallPair.relayed(pair.apiE, played.packets());
        assertEquals(onC.path("tag").asText(), onE.path("tag").asText(), "one tag on both nodes");
        assertEquals("127.0.0.1:" + rangeE, CallPair.channel(onE, 2).path("to").asText(),
                () -> "E faces its C on the demultiplexing port: " + onE);
        assertEquals("127.0.0.1:" + rangeE, CallPair.channel(onC, 0).path("from").asText(), "C hears E's demux port");
        for (JsonNode call : new JsonNode[] {onC, onE}) {
            assertEquals("[\"SIP\",\"B2BUA\",\"SIP\"]", call.path("components").toString(), call.toString());
            assertEquals("sip:bob@example.com", call.path("destinationAlias").asText());
            assertEquals(played.payloadBytes(), CallPair.channel(call, 0).path("bytes").asLong(), call.toString());
            assertEquals(played.payloadBytes(), CallPair.channel(call, 2).path("bytes").asLong(), call.toString());
        }

        assertEquals(0, caller.exitCode(60), caller::output);
        assertEquals(0, callee.exitCode(30), callee::output);
        CallPair.waitFor(pair.apiC, "/status/sip", s -> s.path("activeCalls").isEmpty());
        CallPair.waitFor(pair.apiE, "/status/sip", s -> s.path("activeCalls").isEmpty());
    }
}
