package org.edgeway.engine.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgeway.engine.calls.IcePassthroughCallType;
import org.edgeway.engine.sdp.SdpCodec;
import org.edgeway.engine.sdp.SdpParseException;
import org.edgeway.engine.sdp.SessionDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SDP in, call type out: the controlling agent's updated offer (its selected local candidate in c=/m=, the peer's in
 * a=remote-candidates) read against the candidates the peer signalled.
 */
class IcePathClassifierTest {

    /** Bob's answer: a host, a server-reflexive and a relayed candidate for RTP, the host one for RTCP. */
    private static final String BOB = """
            v=0
            o=bob 2 1 IN IP4 203.0.113.50
            s=-
            t=0 0
            a=ice-ufrag:9uB6
            a=ice-pwd:YH75Fviy6338Vbrhrlp8Yh
            m=audio 36002 RTP/SAVP 0
            c=IN IP4 203.0.113.50
            a=candidate:1 1 UDP 2130706431 10.1.1.2 5000 typ host
            a=candidate:1 2 UDP 2130706430 10.1.1.2 5001 typ host
            a=candidate:2 1 UDP 1694498815 198.51.100.20 40000 typ srflx raddr 10.1.1.2 rport 5000
            a=candidate:3 1 UDP 16777215 203.0.113.9 50000 typ relay raddr 198.51.100.20 rport 40000
            m=video 0 RTP/SAVP 96
            c=IN IP4 203.0.113.50
            """;

    /** Alice's updated offer: c=/m= on her selected candidate, the peer's in a=remote-candidates. */
    private static String aliceUpdate(String candidate, String address, int port, String remote) {
        return """
                v=0
                o=alice 1 2 IN IP4 ADDR
                s=-
                t=0 0
                m=audio PORT RTP/SAVP 0
                c=IN IP4 ADDR
                a=candidate:CAND
                a=remote-candidates:REMOTE
                m=video 0 RTP/SAVP 96
                c=IN IP4 ADDR
                """.replace("ADDR", address).replace("PORT", String.valueOf(port)).replace("CAND", candidate)
                .replace("REMOTE", remote);
    }

    @ParameterizedTest(name = "{0} with {3} → {4}")
    @CsvSource(delimiter = '|', value = {
        "1 1 UDP 2130706431 10.1.1.1 6000 typ host|10.1.1.1|6000|1 10.1.1.2 5000 2 10.1.1.2 5001|host_to_host",
        "1 1 UDP 2130706431 10.1.1.1 6000 typ host|10.1.1.1|6000|1 198.51.100.20 40000|host_to_srflx",
        "1 1 UDP 2130706431 10.1.1.1 6000 typ host|10.1.1.1|6000|1 203.0.113.9 50000|host_to_relay",
        "2 1 UDP 1694498815 198.51.100.10 41000 typ srflx raddr 10.0.0.1 rport 6000|198.51.100.10|41000"
                + "|1 10.1.1.2 5000|host_to_srflx",
        "2 1 UDP 1694498815 198.51.100.10 41000 typ srflx raddr 10.0.0.1 rport 6000|198.51.100.10|41000"
                + "|1 198.51.100.20 40000|srflx_to_srflx",
        "2 1 UDP 1694498815 198.51.100.10 41000 typ srflx raddr 10.0.0.1 rport 6000|198.51.100.10|41000"
                + "|1 203.0.113.9 50000|srflx_to_relay",
        "3 1 UDP 16777215 203.0.113.9 50002 typ relay raddr 198.51.100.10 rport 41000|203.0.113.9|50002"
                + "|1 10.1.1.2 5000|host_to_relay",
        "3 1 UDP 16777215 203.0.113.9 50002 typ relay raddr 198.51.100.10 rport 41000|203.0.113.9|50002"
                + "|1 198.51.100.20 40000|srflx_to_relay",
        "3 1 UDP 16777215 203.0.113.9 50002 typ relay raddr 198.51.100.10 rport 41000|203.0.113.9|50002"
                + "|1 203.0.113.9 50000|relay_to_relay",
        // peer-reflexive counts as server reflexive, signalled or learnt in the checks
        "4 1 UDP 1845501695 198.51.100.10 41002 typ prflx raddr 10.0.0.1 rport 6000|198.51.100.10|41002"
                + "|1 10.1.1.2 5000|host_to_srflx",
        "1 1 UDP 2130706431 10.1.1.1 6000 typ host|10.1.1.1|6000|1 198.51.100.77 40404|host_to_srflx",
        // the RTP component decides, wherever a=remote-candidates lists it
        "1 1 UDP 2130706431 10.1.1.1 6000 typ host|10.1.1.1|6000|2 10.1.1.2 5001 1 203.0.113.9 50000|host_to_relay"})
    void theSelectedPairGivesTheCallType(String candidate, String address, int port, String remote, String type)
            throws Exception {
        SessionDescription update = SdpCodec.decode(aliceUpdate(candidate, address, port, remote));
        assertEquals(type, IcePathClassifier.classify(update, SdpCodec.decode(BOB)).label());
    }

    @Test
    void theTypeIsAnUnorderedPair() {
        for (CandidateType a : CandidateType.values()) {
            for (CandidateType b : CandidateType.values()) {
                assertEquals(IcePathClassifier.of(a, b), IcePathClassifier.of(b, a), a + "/" + b);
            }
        }
        assertEquals(IcePassthroughCallType.SRFLX_TO_SRFLX, IcePathClassifier.of(CandidateType.PRFLX,
                CandidateType.SRFLX));
    }

    @Test
    void anOfferWithoutRemoteCandidatesDoesNotConcludeIce() throws Exception {
        SessionDescription bob = SdpCodec.decode(BOB);
        assertNull(IcePathClassifier.classify(bob, bob), "an initial offer with candidates only");
        String disabled = aliceUpdate("1 1 UDP 2130706431 10.1.1.1 6000 typ host", "10.1.1.1", 0, "1 10.1.1.2 5000");
        assertNull(IcePathClassifier.classify(SdpCodec.decode(disabled), bob), "remote candidates on a port-0 stream");
    }

    @Test
    void malformedRemoteCandidatesAreAParseError() {
        for (String bad : new String[] {"1 10.1.1.2", "x 10.1.1.2 5000", "1 10.1.1.2 port"}) {
            String update = aliceUpdate("1 1 UDP 2130706431 10.1.1.1 6000 typ host", "10.1.1.1", 6000, bad);
            assertThrows(SdpParseException.class,
                    () -> IcePathClassifier.classify(SdpCodec.decode(update), SdpCodec.decode(BOB)), bad);
        }
    }

    @Test
    void aDescriptionOffersIceWhenAnActiveSectionHasACandidate() throws Exception {
        assertTrue(IceAttributes.offered(SdpCodec.decode(BOB)));
        assertFalse(IceAttributes.offered(SdpCodec.decode(BOB.replace("m=audio 36002", "m=audio 0"))),
                "candidates of a disabled stream");
        assertFalse(IceAttributes.offered(SdpCodec.decode(BOB.replaceAll("a=candidate:.*\n", ""))));
        assertFalse(IceAttributes.offered(SdpCodec.decode(BOB.replaceAll("typ \\w+", "typ nat"))),
                "candidates of an unknown type only");
    }
}
