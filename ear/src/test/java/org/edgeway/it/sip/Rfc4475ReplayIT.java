package org.edgeway.it.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.edgeway.engine.TestPorts;
import org.edgeway.engine.sip.Rfc4475Replay;
import org.edgeway.engine.sip.SipClient;
import org.edgeway.engine.sip.message.Rfc4475Messages;
import org.edgeway.engine.sip.message.SipMessage;
import org.edgeway.it.ApiClient;
import org.edgeway.it.Browser;
import org.edgeway.it.Console;
import org.edgeway.it.ServerNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The torture messages of RFC 4475 (the engine's test resources, {@link Rfc4475Messages}) replayed at a deployed
 * node's UDP and TCP listeners: every invalid request answered 400 (505 for the unknown version), invalid responses
 * dropped, valid requests answered as this node's configuration says (401 for a REGISTER at its registrar domain,
 * 404 where no search rule finds the alias; never 400 or 5xx), and the node still serving afterwards with the
 * malformed messages counted in GET /status/sip.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Rfc4475ReplayIT {

    static final String PASSWORD = "Edgeway-rfc4475-2026";
    /** What this node answers each valid request (RFC 4475 3.1.1): registrar domain example.com, no search rules. */
    static final Map<String, Integer> VALID_ANSWERS = Map.ofEntries(Map.entry("wsinv", 404),
            Map.entry("intmeth", 404), Map.entry("esc01", 404), Map.entry("escnull", 401), Map.entry("esc02", 404),
            Map.entry("lwsdisp", 404), Map.entry("longreq", 404), Map.entry("dblreq", 401),
            Map.entry("semiuri", 404), Map.entry("transports", 404), Map.entry("mpart01", 404));

    ServerNode node;
    ApiClient api;
    int udpPort;
    int tcpPort;

    @BeforeAll
    void start() throws Exception {
        node = new ServerNode("rfc4475-replay", 80, "--role", "E").fresh().start();
        try (Browser browser = new Browser()) {
            Console.firstLogin(browser, node, PASSWORD);
        }
        api = ApiClient.as(node, "admin", PASSWORD);
        udpPort = TestPorts.port();
        tcpPort = TestPorts.port();
        api.post("/configuration/domains", "{\"name\":\"example.com\",\"sipRegistrations\":true}").expect(201);
        api.put("/configuration/sip", "{\"enabled\":true,\"udpEnabled\":true,\"udpPort\":" + udpPort
                + ",\"tcpEnabled\":true,\"tcpPort\":" + tcpPort + ",\"tlsEnabled\":false}").expect(200);
        api.waitFor("/status/sip", s -> "Active".equals(s.path("state").asText())
                && s.path("listening").toString().contains(":" + udpPort)
                && s.path("listening").toString().contains(":" + tcpPort));
    }

    @AfterAll
    void stop() throws Exception {
        if (node != null) {
            node.stop();
        }
    }

    @Test
    void invalidMessagesOverUdpAreAnswered400OrDroppedAndCounted() throws Exception {
        long malformedBefore = counters().path("malformed").asLong();
        try (UdpProbe probe = new UdpProbe(udpPort)) {
            for (String name : Rfc4475Messages.INVALID_REQUESTS) {
                String answer = probe.request(Rfc4475Messages.invalid(name));
                assertTrue(answer.startsWith("SIP/2.0 400 "), name + ": " + answer);
            }
            String badVersion = probe.request(Rfc4475Messages.invalid(Rfc4475Messages.BAD_VERSION));
            assertTrue(badVersion.startsWith("SIP/2.0 505 "), badVersion);
            for (String name : Rfc4475Messages.INVALID_RESPONSES) {
                probe.send(Rfc4475Messages.invalid(name));
            }
            // datagrams are handled in order: an answer to the responses would arrive before the OPTIONS' 200
            assertTrue(probe.request(options("udp-after", "UDP", probe.localPort())).startsWith("SIP/2.0 200 "));
            for (String name : Rfc4475Messages.INVALID_RESPONSES) {
                String callId = Rfc4475Replay.callId(new String(Rfc4475Messages.invalid(name),
                        StandardCharsets.ISO_8859_1));
                assertTrue(probe.unmatched().stream().noneMatch(d -> callId.equals(Rfc4475Replay.callId(d))),
                        name + " was answered: " + probe.unmatched());
            }
        }
        int invalid = Rfc4475Messages.INVALID_REQUESTS.size() + 1 + Rfc4475Messages.INVALID_RESPONSES.size();
        JsonNode after = counters();
        assertTrue(after.path("malformed").asLong() >= malformedBefore + invalid, after.toString());
    }

    @Test
    void validMessagesOverUdpAreHandledNotRefused() throws Exception {
        // the node answers to the Via's sent-by (RFC 3261 18.2.2: port 5060 of the received address), not to this
        // socket, so the counters tell: every request and response taken in, none of them malformed
        JsonNode before = counters();
        try (UdpProbe probe = new UdpProbe(udpPort)) {
            for (String name : Rfc4475Messages.VALID) {
                probe.send(Rfc4475Messages.valid(name));
            }
            int requests = Rfc4475Messages.VALID.size() - Rfc4475Messages.VALID_RESPONSES.size();
            JsonNode after = api.waitFor("/status/sip", s -> s.path("counters").path("requestsIn").asLong()
                    >= before.path("requestsIn").asLong() + requests
                    && s.path("counters").path("responsesIn").asLong()
                    >= before.path("responsesIn").asLong() + Rfc4475Messages.VALID_RESPONSES.size())
                    .path("counters");
            assertEquals(before.path("malformed").asLong(), after.path("malformed").asLong(), after.toString());
            assertTrue(probe.request(options("udp-valid-after", "UDP", probe.localPort())).startsWith("SIP/2.0 200 "));
        }
    }

    @Test
    void invalidMessagesOverTcpAreAnswered400OrEndTheConnection() throws Exception {
        long malformedBefore = counters().path("malformed").asLong();
        Rfc4475Replay.invalidRequestsOverStream(tcpPort);
        try (SipClient client = SipClient.tcp(tcpPort)) {
            client.send(Rfc4475Messages.invalid(Rfc4475Messages.BAD_VERSION));
            String answer = client.receiveText();
            assertNotNull(answer);
            assertTrue(answer.startsWith("SIP/2.0 505 "), answer);
        }
        for (String name : Rfc4475Messages.INVALID_RESPONSES) {
            assertDroppedOverTcp(name, Rfc4475Messages.invalid(name));
        }
        long counted = counters().path("malformed").asLong() - malformedBefore;
        // every invalid message but clerr (its connection still waits for the body) is counted
        assertTrue(counted >= Rfc4475Messages.INVALID_REQUESTS.size() - 1 + 1
                + Rfc4475Messages.INVALID_RESPONSES.size(), "malformed counted: " + counted);
        assertStillServes("tcp-invalid");
    }

    @Test
    void validRequestsOverTcpGetTheirAnswers() throws Exception {
        Rfc4475Replay.validRequestsOverStream(tcpPort, VALID_ANSWERS);
        for (String name : Rfc4475Messages.VALID_RESPONSES) {
            assertDroppedOverTcp(name, Rfc4475Messages.valid(name));
        }
        assertStillServes("tcp-valid");
    }

    /** A response no transaction waits for is dropped: the first answer on its connection is the next OPTIONS'. */
    private void assertDroppedOverTcp(String name, byte[] response) throws Exception {
        try (SipClient client = SipClient.tcp(tcpPort)) {
            client.send(response);
            client.send(options("tcp-" + name, "TCP", client.localPort()));
            SipMessage first = client.receive();
            assertNotNull(first, name + ": the connection should still carry SIP");
            assertEquals("tcp-" + name, first.callId(), name + " was answered");
            assertEquals(200, first.status());
        }
    }

    /**
     * A REGISTER still gets its challenge over both transports ({@code id} tells the calls apart: the same Call-ID,
     * tag and CSeq again on a new branch would be a merged request, 482).
     */
    private void assertStillServes(String id) throws Exception {
        try (UdpProbe probe = new UdpProbe(udpPort)) {
            String answer = probe.request(register(id + "-after-udp", "UDP", probe.localPort()));
            assertTrue(answer.startsWith("SIP/2.0 401 "), answer);
        }
        try (SipClient client = SipClient.tcp(tcpPort)) {
            client.send(register(id + "-after-tcp", "TCP", client.localPort()));
            assertEquals(401, client.finalResponse().status());
        }
        assertEquals("Active", api.get("/status/sip").json().path("state").asText());
    }

    private JsonNode counters() {
        JsonNode counters = api.get("/status/sip").json().path("counters");
        assertTrue(counters.path("malformed").isIntegralNumber(), counters.toString());
        return counters;
    }

    /** An OPTIONS to the node itself (answered 200 by the node), on the listener of {@code transport}. */
    private byte[] options(String callId, String transport, int localPort) {
        String target = "127.0.0.1:" + (transport.equals("UDP") ? udpPort : tcpPort);
        return crlf("OPTIONS sip:" + target + " SIP/2.0\n"
                + "Via: SIP/2.0/" + transport + " 127.0.0.1:" + localPort + ";branch=z9hG4bK-" + callId + ";rport\n"
                + "From: <sip:probe@example.com>;tag=p1\nTo: <sip:" + target + ">\nCall-ID: " + callId + "\n"
                + "CSeq: 1 OPTIONS\nMax-Forwards: 70\nContent-Length: 0\n\n");
    }

    private byte[] register(String callId, String transport, int localPort) {
        return crlf("REGISTER sip:example.com SIP/2.0\n"
                + "Via: SIP/2.0/" + transport + " 127.0.0.1:" + localPort + ";branch=z9hG4bK-" + callId + ";rport\n"
                + "From: <sip:alice@example.com>;tag=r1\nTo: <sip:alice@example.com>\nCall-ID: " + callId + "\n"
                + "CSeq: 1 REGISTER\nContact: <sip:alice@127.0.0.1:" + localPort + ">\nMax-Forwards: 70\n"
                + "Content-Length: 0\n\n");
    }

    private static byte[] crlf(String text) {
        return text.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }
}
