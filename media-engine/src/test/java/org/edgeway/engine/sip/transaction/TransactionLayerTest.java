package org.edgeway.engine.sip.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.edgeway.engine.sip.message.SipCodec;
import org.edgeway.engine.sip.message.SipMessage;
import org.edgeway.engine.sip.transport.Flow;
import org.edgeway.engine.zones.ZoneConfig.Transport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The RFC 3261 17 timers on a manual clock: retransmission schedules (A, E, G), timeouts (B, F, H), absorbed
 * retransmissions, the ACK of a non-2xx, merged requests (482). No sleeps: the clock only moves when told.
 */
class TransactionLayerTest {

    private record Sent(long at, SipMessage message) {
    }

    private final ManualTimers timers = new ManualTimers();
    private final List<Sent> sent = new ArrayList<>();
    private final List<ServerTransaction> received = new ArrayList<>();
    private final SipCodec codec = new SipCodec(SipCodec.Limits.DEFAULT);
    private TransactionLayer layer;
    private final Flow udp = new Flow(Transport.UDP, new InetSocketAddress("127.0.0.1", 20001), null);
    private final Flow tcp = new Flow(Transport.TCP, new InetSocketAddress("127.0.0.1", 20002), null);

    @BeforeEach
    void setUp() {
        layer = new TransactionLayer(timers, TimerValues.RFC3261, Sender.of(codec::encode,
                (bytes, flow, onError) -> sent.add(new Sent(timers.now(), decode(bytes)))));
        layer.user(new TransactionLayer.User() {
            @Override
            public void onRequest(ServerTransaction tx) {
                received.add(tx);
            }

            @Override
            public void onStrayAck(SipMessage ack, Flow flow) {
            }

            @Override
            public void onStrayResponse(SipMessage response) {
            }
        });
    }

    private SipMessage decode(byte[] bytes) {
        try {
            return codec.decode(bytes);
        } catch (Exception e) {
            throw new AssertionError("sent what the codec cannot read back", e);
        }
    }

    private SipMessage parse(String text) throws Exception {
        return codec.decode(text.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    private SipMessage request(String method, String branch, String fromTag) throws Exception {
        return parse(method + " sip:bob@example.com SIP/2.0\nVia: SIP/2.0/UDP 127.0.0.1:20001;branch=" + branch
                + "\nFrom: <sip:a@example.com>;tag=" + fromTag + "\nTo: <sip:bob@example.com>\nCall-ID: c1\n"
                + "CSeq: 1 " + method + "\nMax-Forwards: 70\nContent-Length: 0\n\n");
    }

    private SipMessage response(SipMessage request, int status) throws Exception {
        return parse("SIP/2.0 " + status + " X\nVia: " + request.header("Via") + "\nFrom: " + request.header("From")
                + "\nTo: <sip:bob@example.com>;tag=t9\nCall-ID: c1\nCSeq: " + request.header("CSeq")
                + "\nContent-Length: 0\n\n");
    }

    private static final class Outcome implements ClientTransaction.Listener {
        final List<Integer> statuses = new ArrayList<>();
        boolean timedOut;

        @Override
        public void onResponse(ClientTransaction tx, SipMessage response) {
            statuses.add(response.status());
        }

        @Override
        public void onTimeout(ClientTransaction tx) {
            timedOut = true;
        }

        @Override
        public void onTransportError(ClientTransaction tx, Throwable cause) {
        }
    }

    private List<Long> sendTimes() {
        return sent.stream().map(Sent::at).toList();
    }

    @Test
    void nonInviteClientRetransmitsCappedAtT2AndTimesOutAt64T1() throws Exception {
        Outcome outcome = new Outcome();
        layer.send(request("OPTIONS", "z9hG4bKc1", "f1"), udp, outcome);
        timers.advance(31_999);
        assertTrue(!outcome.timedOut);
        // Timer E: 0, 500, 1500, 3500, then every T2 (4 s)
        assertEquals(List.of(0L, 500L, 1500L, 3500L, 7500L, 11500L, 15500L, 19500L, 23500L, 27500L, 31500L),
                sendTimes());
        timers.advance(1);
        assertTrue(outcome.timedOut, "Timer F fires at 64*T1");
        assertEquals(0, layer.clientCount());
    }

    @Test
    void inviteClientDoublesUntilProvisionalAndAcksANon2xx() throws Exception {
        Outcome outcome = new Outcome();
        SipMessage invite = request("INVITE", "z9hG4bKc2", "f2");
        layer.send(invite, udp, outcome);
        timers.advance(3_600);
        assertEquals(List.of(0L, 500L, 1500L, 3500L), sendTimes()); // Timer A doubles
        layer.onResponse(response(invite, 180), udp);
        timers.advance(10_000);
        assertEquals(4, sent.size(), "no retransmission once proceeding");
        layer.onResponse(response(invite, 486), udp);
        assertEquals(List.of(180, 486), outcome.statuses);
        SipMessage ack = sent.get(4).message();
        assertEquals("ACK", ack.method());
        assertEquals("z9hG4bKc2", ack.topVia().branch());
        assertEquals("t9", ack.to().tag());
        layer.onResponse(response(invite, 486), udp); // a retransmitted final: ACK again, not reported again
        assertEquals("ACK", sent.get(5).message().method());
        assertEquals(List.of(180, 486), outcome.statuses);
    }

    @Test
    void reliableClientDoesNotRetransmit() throws Exception {
        Outcome outcome = new Outcome();
        layer.send(request("OPTIONS", "z9hG4bKc3", "f3"), tcp, outcome);
        timers.advance(32_000);
        assertEquals(1, sent.size());
        assertTrue(outcome.timedOut);
    }

    @Test
    void serverAbsorbsRetransmissionsAndRetransmitsANon2xxUntilTheAck() throws Exception {
        SipMessage invite = request("INVITE", "z9hG4bKs1", "f4");
        layer.onRequest(invite, udp);
        assertEquals(1, received.size());
        assertEquals(100, sent.get(0).message().status(), "100 Trying for INVITE");
        layer.onRequest(invite, udp);
        assertEquals(1, received.size(), "a retransmission is not a new request");
        assertEquals(100, sent.get(1).message().status(), "the last response is sent again");
        received.get(0).respond(404);
        timers.advance(1_600);
        // Timer G: 0, 500, 1500 after the final response
        assertEquals(List.of(404, 404, 404), sent.subList(2, sent.size()).stream()
                .map(s -> s.message().status()).toList());
        SipMessage ack = parse("ACK sip:bob@example.com SIP/2.0\nVia: SIP/2.0/UDP 127.0.0.1:20001;branch=z9hG4bKs1\n"
                + "From: <sip:a@example.com>;tag=f4\nTo: <sip:bob@example.com>;tag=x\nCall-ID: c1\nCSeq: 1 ACK\n"
                + "Content-Length: 0\n\n");
        layer.onRequest(ack, udp);
        int count = sent.size();
        timers.advance(40_000);
        assertEquals(count, sent.size(), "the ACK stops Timer G");
        assertEquals(0, layer.serverCount(), "Timer I ends the transaction");
    }

    @Test
    void mergedRequestIsRefusedWith482() throws Exception {
        layer.onRequest(request("OPTIONS", "z9hG4bKm1", "f5"), udp);
        layer.onRequest(request("OPTIONS", "z9hG4bKm2", "f5"), udp);
        assertEquals(1, received.size());
        assertEquals(482, sent.get(sent.size() - 1).message().status());
    }

    @Test
    void nonInviteServerLingersForTimerJ() throws Exception {
        SipMessage options = request("OPTIONS", "z9hG4bKj1", "f6");
        layer.onRequest(options, udp);
        received.get(0).respond(200);
        timers.advance(31_999);
        layer.onRequest(options, udp);
        assertEquals(200, sent.get(sent.size() - 1).message().status());
        assertEquals(1, received.size());
        timers.advance(1);
        assertEquals(0, layer.serverCount());
        assertNull(layer.inviteFor(options));
    }

    @Test
    void aCompletedNonInviteKeepsOnlyItsResponseAndLeavesTheMergeTable() throws Exception {
        SipMessage options = request("OPTIONS", "z9hG4bKc1", "f9");
        layer.onRequest(options, udp);
        ServerTransaction tx = received.get(0);
        tx.respond(200);
        byte[] first = codec.encode(sent.get(sent.size() - 1).message());
        assertNull(tx.request(), "the request is not held for Timer J");
        tx.respond(500);
        layer.onRequest(options, udp);
        assertEquals(new String(first, StandardCharsets.ISO_8859_1),
                new String(codec.encode(sent.get(sent.size() - 1).message()), StandardCharsets.ISO_8859_1),
                "a retransmission gets the first final response again, byte for byte");
        layer.onRequest(request("OPTIONS", "z9hG4bKc2", "f9"), udp);
        assertEquals(2, received.size(), "a copy on another branch after the answer is a new request, not a merge");
    }

    @Test
    void aChallengeLeavesNoTransactionBehind() throws Exception {
        SipMessage register = request("REGISTER", "z9hG4bKr1", "f10");
        layer.onRequest(register, udp);
        received.get(0).respondStatelessly(response(register, 401));
        assertEquals(401, sent.get(sent.size() - 1).message().status());
        assertEquals(0, layer.serverCount(), "RFC 3261 8.2.7: no state for an unauthenticated request");
        layer.onRequest(register, udp);
        assertEquals(2, received.size(), "the retransmission is challenged anew by the user");
    }

    @Test
    void unansweredServerTransactionEndsAtTheSafetyTimeoutAndAnAnsweredOneIsNotHeldByIt() throws Exception {
        layer.onRequest(request("OPTIONS", "z9hG4bKs1", "f7"), udp); // the user never answers this one
        SipMessage answered = request("OPTIONS", "z9hG4bKs2", "f8");
        layer.onRequest(answered, udp);
        received.get(1).respond(200);
        timers.advance(TimerValues.RFC3261.transactionTimeout()); // Timer J ends the answered one
        assertEquals(1, layer.serverCount());
        timers.advance(TransactionLayer.SAFETY_MILLIS - TimerValues.RFC3261.transactionTimeout() - 1);
        assertEquals(1, layer.serverCount(), "the unanswered one waits for its user until the safety timeout");
        timers.advance(1);
        assertEquals(0, layer.serverCount());
    }
}
