package org.edgeway.engine.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.edgeway.engine.Engine;
import org.edgeway.engine.sip.message.HeaderNames;
import org.edgeway.engine.sip.message.Responses;
import org.edgeway.engine.sip.message.SipCodec;
import org.edgeway.engine.sip.message.SipMessage;
import org.edgeway.engine.zones.SearchRule;
import org.edgeway.engine.zones.ZoneConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CANCEL through the proxy (RFC 3261 9.2, 16.10): the caller's CANCEL is answered 200, a CANCEL with the forwarded
 * INVITE's branch reaches the callee, the callee's 487 comes back to the caller, and the proxy ACKs the 487.
 */
class ProxyCancelTest {

    private final SipCodec codec = new SipCodec(SipCodec.Limits.DEFAULT);
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

    @Test
    void cancelReachesTheCalleeAnd487ComesBack() throws Exception {
        try (SipClient callee = SipClient.udp(port); SipClient caller = SipClient.udp(port)) {
            engine.apply(SipTestSupport.engineConfig(SipTestSupport.config(port)
                    .withZones(List.of(SipTestSupport.neighbor(2, "Callee", "127.0.0.1", callee.localPort(),
                            ZoneConfig.Transport.UDP)))
                    .withSearchRules(List.of(SipTestSupport.rule(1, "to-callee", 10, SearchRule.PatternType.PREFIX,
                            "erin", SearchRule.PatternBehavior.LEAVE, null, "Callee")))));
            String invite = """
                    INVITE sip:erin@example.com SIP/2.0
                    Via: SIP/2.0/UDP 127.0.0.1:PORT;branch=z9hG4bK-cancel1;rport
                    From: <sip:caller@example.com>;tag=c1
                    To: <sip:erin@example.com>
                    Call-ID: cancel-1
                    CSeq: 1 METHOD
                    Max-Forwards: 70
                    Content-Length: 0

                    """;
            caller.sendText(invite.replace("METHOD", "INVITE"));
            assertEquals(100, caller.receive().status());
            SipMessage forwarded = callee.receive();
            assertEquals("INVITE", forwarded.method());
            callee.send(codec.encode(Responses.to(forwarded, 180)));
            assertEquals(180, caller.receive().status());

            caller.sendText(invite.replace("METHOD", "CANCEL").replace("INVITE sip:", "CANCEL sip:"));
            assertEquals(200, caller.receive().status(), "the CANCEL itself is answered hop by hop");
            SipMessage cancel = callee.receive();
            assertEquals("CANCEL", cancel.method());
            assertEquals(forwarded.topVia().branch(), cancel.topVia().branch());
            callee.send(codec.encode(Responses.to(cancel, 200)));
            SipMessage terminated = Responses.to(forwarded, 487);
            callee.send(codec.encode(terminated));
            SipMessage answer = caller.finalResponse();
            assertEquals(487, answer.status());
            assertEquals("cancel-1", answer.callId());
            SipMessage ack = callee.receive();
            assertEquals("ACK", ack.method());
            assertEquals(forwarded.topVia().branch(), ack.topVia().branch());
            assertEquals(terminated.to().tag(), ack.to().tag());
            assertEquals(1, ack.vias().size(), HeaderNames.VIA);
        }
    }
}
