package org.edgeway.engine.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides which peers an allocation may talk to (CreatePermission, ChannelBind; RFC 8656 section 21.1 "Filtering
 * of peer traffic": "a TURN server MAY be configured to not permit some peer addresses"). A forbidden peer gets
 * 403 (Forbidden).
 *
 * <p>Order of evaluation, first match wins:
 * <ol>
 *   <li>port 0, and the server's own TURN listening transport addresses (any local address with a listening port)
 *       are always forbidden, whatever the lists say: relaying to ourselves makes loops;</li>
 *   <li>the administrator's deny list;</li>
 *   <li>the administrator's allow list (this is how tests opt loopback back in with {@code 127.0.0.0/8});</li>
 *   <li>the built-in forbidden ranges below;</li>
 *   <li>everything else is allowed, private ranges included (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7):
 *       "The TURN server can relay media between any two ICE clients, even if one or both are inside the enterprise
 *       internal firewall" (seed 003).</li>
 * </ol>
 *
 * <p>Built-in forbidden IPv4: 0.0.0.0/8 (unspecified/"this network"), 127.0.0.0/8 (loopback), 169.254.0.0/16
 * (link-local), 192.0.0.0/24 (IETF protocol assignments), 192.88.99.0/24 (deprecated 6to4 anycast),
 * 198.18.0.0/15 (benchmarking), 224.0.0.0/4 (multicast), 240.0.0.0/4 (reserved, including 255.255.255.255
 * broadcast), the broadcast address of every local subnet, and the documentation ranges 192.0.2.0/24,
 * 198.51.100.0/24 and 203.0.113.0/24 (decision: denied, since they never appear on a real network; an allow-list
 * entry re-enables them). Built-in forbidden IPv6: ::/128, ::1/128, ::/96 (deprecated IPv4-compatible), 100::/64
 * (discard-only), 2001:2::/48 (benchmarking), 2001:10::/28 and 2001:20::/28 (ORCHID), 2001:db8::/32 and 3fff::/20
 * (documentation), fe80::/10 (link-local), fec0::/10 (deprecated site-local), ff00::/8 (multicast).
 *
 * <p>Alternative spellings of IPv4 addresses inside IPv6 (cf. coturn CVE-2020-26262) are unwrapped and the embedded
 * IPv4 address is judged by the same rules (deny list, allow list, built-ins, server addresses): IPv4-mapped
 * ::ffff:0:0/96, IPv4-translated ::ffff:0:0:0/96, NAT64 64:ff9b::/96 and 64:ff9b:1::/48 (RFC 6052 layout), 6to4
 * 2002::/16, Teredo 2001::/32 (both the server and the obfuscated client address) and ISATAP interface identifiers
 * (…:0:5efe:a.b.c.d and …:200:5efe:a.b.c.d).
 */
public final class PeerAddressPolicy {

    private static final List<Cidr> FORBIDDEN_V4 = cidrs("0.0.0.0/8", "127.0.0.0/8", "169.254.0.0/16",
            "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
            "224.0.0.0/4", "240.0.0.0/4");
    private static final List<Cidr> FORBIDDEN_V6 = cidrs("::/128", "::1/128", "100::/64", "2001:2::/48",
            "2001:10::/28", "2001:20::/28", "2001:db8::/32", "3fff::/20", "fe80::/10", "fec0::/10", "ff00::/8");
    private static final Cidr IPV4_COMPATIBLE = Cidr.parse("::/96");
    private static final Cidr IPV4_MAPPED = Cidr.parse("::ffff:0:0/96");
    private static final Cidr IPV4_TRANSLATED = Cidr.parse("::ffff:0:0:0/96");
    private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");
    private static final Cidr NAT64_LOCAL = Cidr.parse("64:ff9b:1::/48");
    private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");
    private static final Cidr TEREDO = Cidr.parse("2001::/32");

    private final List<Cidr> allow;
    private final List<Cidr> deny;
    private final Set<InetSocketAddress> serverAddresses;
    private final Set<Integer> serverPorts;
    private final Set<InetAddress> localAddresses;
    private final Set<InetAddress> broadcastAddresses;

    /**
     * @param allow           administrator allow list (CIDR strings)
     * @param deny            administrator deny list
     * @param serverAddresses the TURN listening transport addresses (wildcard binds are expanded with the local
     *                        interface addresses)
     */
    public PeerAddressPolicy(Collection<String> allow, Collection<String> deny,
            Collection<InetSocketAddress> serverAddresses) {
        this.allow = allow.stream().map(Cidr::parse).toList();
        this.deny = deny.stream().map(Cidr::parse).toList();
        this.serverAddresses = Set.copyOf(serverAddresses);
        Set<Integer> ports = new HashSet<>();
        serverAddresses.forEach(a -> ports.add(a.getPort()));
        this.serverPorts = Set.copyOf(ports);
        Set<InetAddress> locals = new HashSet<>();
        Set<InetAddress> broadcasts = new HashSet<>();
        try {
            for (NetworkInterface nif : java.util.Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InterfaceAddress ia : nif.getInterfaceAddresses()) {
                    locals.add(ia.getAddress());
                    if (ia.getBroadcast() != null) {
                        broadcasts.add(ia.getBroadcast());
                    }
                }
            }
        } catch (SocketException | RuntimeException e) {
            // no interface list: only the explicit server addresses are known
        }
        serverAddresses.forEach(a -> locals.add(a.getAddress()));
        this.localAddresses = Set.copyOf(locals);
        this.broadcastAddresses = Set.copyOf(broadcasts);
    }

    private static List<Cidr> cidrs(String... s) {
        List<Cidr> list = new ArrayList<>();
        for (String c : s) {
            list.add(Cidr.parse(c));
        }
        return List.copyOf(list);
    }

    /** True if the peer is allowed. */
    public boolean allowed(InetSocketAddress peer) {
        return check(peer) == null;
    }

    /** Null if the peer is allowed, else the reason it is forbidden. */
    public String check(InetSocketAddress peer) {
        if (peer.getPort() == 0) {
            return "port 0";
        }
        return check(peer.getAddress().getAddress(), peer.getPort(), 0);
    }

    private String check(byte[] a, int port, int depth) {
        if (isServerAddress(a, port)) {
            return "the server's own listening address";
        }
        for (Cidr c : deny) {
            if (c.matches(a)) {
                return "deny list " + c;
            }
        }
        for (Cidr c : allow) {
            if (c.matches(a)) {
                return null;
            }
        }
        if (a.length == 4) {
            for (Cidr c : FORBIDDEN_V4) {
                if (c.matches(a)) {
                    return "forbidden range " + c;
                }
            }
            for (InetAddress b : broadcastAddresses) {
                if (java.util.Arrays.equals(b.getAddress(), a)) {
                    return "subnet broadcast address";
                }
            }
            return null;
        }
        for (Cidr c : FORBIDDEN_V6) {
            if (c.matches(a)) {
                return "forbidden range " + c;
            }
        }
        if (depth > 2) {
            return "nested address embedding";
        }
        // Embedded IPv4 spellings: judge the IPv4 address they lead to.
        if (IPV4_MAPPED.matches(a) || IPV4_TRANSLATED.matches(a) || NAT64.matches(a)) {
            return embedded(tail(a, 12), port, depth, "IPv4 embedded in IPv6");
        }
        if (IPV4_COMPATIBLE.matches(a)) {
            String r = embedded(tail(a, 12), port, depth, "IPv4-compatible");
            return r != null ? r : "deprecated IPv4-compatible address";
        }
        if (NAT64_LOCAL.matches(a)) {
            // RFC 6052 /48: IPv4 bits in octets 6-7 and 9-10 (octet 8 is the reserved "u" octet)
            return embedded(new byte[] {a[6], a[7], a[9], a[10]}, port, depth, "NAT64 local-use");
        }
        if (SIX_TO_FOUR.matches(a)) {
            return embedded(new byte[] {a[2], a[3], a[4], a[5]}, port, depth, "6to4");
        }
        if (TEREDO.matches(a)) {
            String server = embedded(new byte[] {a[4], a[5], a[6], a[7]}, port, depth, "Teredo server");
            if (server != null) {
                return server;
            }
            byte[] client = {(byte) ~a[12], (byte) ~a[13], (byte) ~a[14], (byte) ~a[15]};
            int clientPort = ~(((a[10] & 0xFF) << 8) | (a[11] & 0xFF)) & 0xFFFF;
            return embedded(client, clientPort == 0 ? port : clientPort, depth, "Teredo client");
        }
        if ((a[8] == 0 || a[8] == 0x02) && a[9] == 0 && a[10] == 0x5e && a[11] == (byte) 0xfe) {
            return embedded(tail(a, 12), port, depth, "ISATAP");
        }
        return null;
    }

    private String embedded(byte[] v4, int port, int depth, String form) {
        String r = check(v4, port, depth + 1);
        return r == null ? null : form + ": " + r;
    }

    private static byte[] tail(byte[] a, int from) {
        return java.util.Arrays.copyOfRange(a, from, a.length);
    }

    private boolean isServerAddress(byte[] a, int port) {
        if (!serverPorts.contains(port)) {
            return false;
        }
        for (InetSocketAddress s : serverAddresses) {
            byte[] sa = s.getAddress().getAddress();
            if (s.getPort() == port && (java.util.Arrays.equals(sa, a) || s.getAddress().isAnyLocalAddress())) {
                return s.getAddress().isAnyLocalAddress() ? isLocal(a) : true;
            }
        }
        return false;
    }

    private boolean isLocal(byte[] a) {
        for (InetAddress l : localAddresses) {
            if (java.util.Arrays.equals(l.getAddress(), a)) {
                return true;
            }
        }
        return a.length == 4 && (a[0] == 127 || a[0] == 0);
    }
}
