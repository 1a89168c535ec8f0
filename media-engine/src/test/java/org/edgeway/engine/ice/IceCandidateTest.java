package org.edgeway.engine.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** RFC 8839 5.1's a=candidate grammar: the examples of RFC 8839 and RFC 8445 read, malformed lines refused. */
class IceCandidateTest {

    @Test
    void readsAHostCandidate() {
        IceCandidate c = IceCandidate.parse("1 1 UDP 2130706431 10.0.1.1 8998 typ host");
        assertEquals(new IceCandidate("1", 1, "UDP", 2130706431L, "10.0.1.1", 8998, CandidateType.HOST), c);
    }

    @Test
    void readsReflexiveAndRelayedCandidatesWithTheirRelatedAddressAndExtensions() {
        IceCandidate srflx = IceCandidate.parse("2 1 UDP 1694498815 192.0.2.3 45664 typ srflx raddr 10.0.1.1 "
                + "rport 8998");
        assertEquals(CandidateType.SRFLX, srflx.type());
        assertEquals("192.0.2.3", srflx.address());
        assertEquals(45664, srflx.port());
        IceCandidate relay = IceCandidate.parse("3 2 udp 16777214 2001:db8::7 3479 typ relay raddr 192.0.2.3 "
                + "rport 45665 generation 0 network-id 1");
        assertEquals(CandidateType.RELAY, relay.type());
        assertEquals(2, relay.component());
        assertEquals("UDP", relay.transport());
        IceCandidate prflx = IceCandidate.parse("a+/Z 1 TCP 1845501695 198.51.100.4 9 typ prflx tcptype active");
        assertEquals(CandidateType.PRFLX, prflx.type());
        assertEquals("a+/Z", prflx.foundation());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "1 1 UDP 2130706431 10.0.1.1 8998", // no typ
        "1 1 UDP 2130706431 10.0.1.1 8998 type host",
        "1 1 UDP 2130706431 10.0.1.1 8998 typ nat", // an extension type this node cannot classify
        "1 0 UDP 2130706431 10.0.1.1 8998 typ host", // component ids start at 1
        "1 257 UDP 2130706431 10.0.1.1 8998 typ host",
        "1 1 UDP 2147483648 10.0.1.1 8998 typ host", // priority above 2^31-1
        "1 1 UDP 2130706431 10.0.1.1 65536 typ host",
        "1 1 UDP 2130706431 10.0.1.1 x typ host",
        "f_1 1 UDP 2130706431 10.0.1.1 8998 typ host", // '_' is no ice-char
        "123456789012345678901234567890123 1 UDP 1 10.0.1.1 8998 typ host", // 33 chars of foundation
        "1 1 UDP 2130706431 10.0.1.1 8998 typ srflx raddr", // an extension name without its value
        "1  1 UDP 2130706431 10.0.1.1 8998 typ host"})
    void refusesWhatBreaksTheGrammar(String value) {
        assertNull(IceCandidate.parse(value), value);
    }

    @Test
    void findsItselfByTransportAddress() {
        IceCandidate c = IceCandidate.parse("1 1 UDP 2130706431 2001:DB8::1 8998 typ host");
        assertEquals(true, c.at(1, "2001:db8::1", 8998));
        assertEquals(false, c.at(2, "2001:db8::1", 8998));
        assertEquals(false, c.at(1, "2001:db8::1", 8999));
    }
}
