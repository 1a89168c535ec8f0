package org.edgeway.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeerAddressPolicyTest {

    private static final InetSocketAddress LISTENER = new InetSocketAddress(addr("198.51.100.20"), 3478);
    private static final PeerAddressPolicy DEFAULT = new PeerAddressPolicy(List.of(), List.of(), List.of(LISTENER));

    /** Parses a literal keeping IPv6 spellings (Java would fold ::ffff:a.b.c.d to IPv4). */
    static InetAddress addr(String literal) {
        try {
            byte[] b = Cidr.literal(literal);
            return b.length == 4 ? InetAddress.getByAddress(b) : Inet6Address.getByAddress(null, b, -1);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static InetSocketAddress peer(String literal) {
        return new InetSocketAddress(addr(literal), 40000);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // IPv4 built-ins
        "127.0.0.1", "127.255.255.254", "0.0.0.0", "0.1.2.3", "169.254.169.254", "224.0.0.251", "239.1.2.3",
        "255.255.255.255", "240.0.0.1", "192.0.0.8", "192.88.99.1", "198.18.0.1", "192.0.2.1", "198.51.100.7",
        "203.0.113.9",
        // IPv6 built-ins
        "::", "::1", "fe80::1", "febf::1", "fec0::1", "ff02::1", "ff0e::1", "100::1", "2001:db8::1", "3fff::1",
        "2001:2::1", "2001:10::1", "2001:20::1",
        // IPv4-mapped and IPv4-translated spellings of forbidden IPv4
        "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:169.254.169.254", "::ffff:0.0.0.0", "::ffff:224.0.0.1",
        "::ffff:0:127.0.0.1",
        // IPv4-compatible (deprecated, denied in any case)
        "::127.0.0.1", "::8.8.8.8",
        // NAT64 well-known and local-use prefixes
        "64:ff9b::127.0.0.1", "64:ff9b::a9fe:a9fe", "64:ff9b:1:7f00:0:100::",
        // 6to4 embedding 127.0.0.1 / 169.254.169.254 / 0.0.0.0
        "2002:7f00:1::1", "2002:a9fe:a9fe::", "2002::1",
        // Teredo: server 127.0.0.1, or obfuscated client 127.0.0.1 (~0x7f000001 = 0x80fffffe)
        "2001:0:7f00:1::1", "2001:0:4136:e378:8000:63bf:80ff:fffe",
        // ISATAP interface identifiers embedding loopback
        "fd00::5efe:7f00:1", "2001:470::200:5efe:7f00:1",
        })
    void forbiddenByDefault(String literal) {
        assertNotNull(DEFAULT.check(peer(literal)), literal + " must be forbidden");
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "10.1.2.3", "172.16.0.1", "192.168.1.1", "100.64.0.1", "2001:4860::8888",
        "fd00::2", "::ffff:8.8.8.8", "64:ff9b::8.8.8.8", "2002:808:808::1", "2001:0:4136:e378:8000:63bf:f7f7:f7f7"})
    void allowedByDefault(String literal) {
        assertNull(DEFAULT.check(peer(literal)), literal + " must be allowed");
    }

    @Test
    void allowListOptsLoopbackInEverywhereButTheListeningAddress() {
        InetSocketAddress loopListener = new InetSocketAddress(addr("127.0.0.1"), 3478);
        PeerAddressPolicy p = new PeerAddressPolicy(List.of("127.0.0.0/8", "::1/128"), List.of(),
                List.of(loopListener));
        assertTrue(p.allowed(peer("127.0.0.1")));
        assertTrue(p.allowed(peer("::1")));
        assertTrue(p.allowed(peer("::ffff:127.0.0.1")), "the embedded address follows the same lists");
        assertFalse(p.allowed(loopListener), "never our own listening port");
        assertFalse(p.allowed(new InetSocketAddress(addr("::ffff:127.0.0.1"), 3478)), "not even spelled IPv6");
        assertFalse(p.allowed(new InetSocketAddress(addr("127.0.0.1"), 0)), "port 0");
        assertFalse(p.allowed(peer("169.254.1.1")));
    }

    @Test
    void denyListWinsOverAllowListAndReachesEmbeddedAddresses() {
        PeerAddressPolicy p = new PeerAddressPolicy(List.of("10.0.0.0/8"), List.of("10.9.0.0/16", "2001:db9::/32"),
                List.of(LISTENER));
        assertTrue(p.allowed(peer("10.1.1.1")));
        assertFalse(p.allowed(peer("10.9.1.1")));
        assertFalse(p.allowed(peer("::ffff:10.9.1.1")));
        assertFalse(p.allowed(peer("2002:0a09:0101::1")), "6to4 of a denied address");
        assertFalse(p.allowed(peer("2001:db9::5")));
    }

    @Test
    void wildcardListenerForbidsEveryLocalAddressOnItsPort() {
        PeerAddressPolicy p = new PeerAddressPolicy(List.of("127.0.0.0/8"), List.of(),
                List.of(new InetSocketAddress(addr("0.0.0.0"), 3478)));
        assertFalse(p.allowed(new InetSocketAddress(addr("127.0.0.1"), 3478)));
        assertTrue(p.allowed(new InetSocketAddress(addr("127.0.0.1"), 3479)));
    }

    @Test
    void cidrParsing() {
        assertTrue(Cidr.parse("10.0.0.0/8").matches(addr("10.255.0.1")));
        assertFalse(Cidr.parse("10.0.0.0/8").matches(addr("11.0.0.1")));
        assertTrue(Cidr.parse("fe80::/10").matches(addr("febf::1")));
        assertFalse(Cidr.parse("fe80::/10").matches(addr("fec0::1")));
        assertFalse(Cidr.parse("127.0.0.0/8").matches(addr("::ffff:127.0.0.1")), "families never cross");
        assertEquals(32, Cidr.parse("192.0.2.1").prefixLength());
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("example.com/8"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/33"));
    }
}
