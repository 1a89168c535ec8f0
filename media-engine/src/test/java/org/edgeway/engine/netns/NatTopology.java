package org.edgeway.engine.netns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.edgeway.engine.TestPorts;

/**
 * Network namespaces for ICE tests (root only): an "internet" namespace routed to the root namespace, where the test
 * JVM's servers listen on {@link #serverAddress()}, and endpoints in namespaces of their own, either directly on
 * the internet or behind a NAT namespace (nftables masquerade). Addresses on the internet side come from
 * 198.18.S.0/24 (RFC 2544 benchmarking range; S is this run's slot, reserved across JVMs through
 * {@link TestPorts#reserve}); the private side of every NAT is 10.0.N.0/24, unique within the run so one
 * endpoint's host candidate never names the other's. Close it to delete every namespace (their veths go with them).
 *
 * <pre>
 *   root (test JVM, 198.18.S.1) -- internet (198.18.S.2, forwards) --+-- NAT a (198.18.S.10 | 10.0.1.1) -- a (10.0.1.2)
 *                                                                    +-- NAT b (198.18.S.14 | 10.0.2.1) -- b (10.0.2.2)
 * </pre>
 */
public final class NatTopology implements AutoCloseable {

    /** How a NAT namespace maps and filters. */
    public enum Nat {
        /**
         * Masquerade keeping the source port where it can: one outside port per inside socket whatever the
         * destination (endpoint-independent mapping), replies only from where the inside sent (Linux conntrack).
         */
        ENDPOINT_INDEPENDENT("masquerade"),
        /** Masquerade with a random port for every new destination (--random-fully): a symmetric NAT. */
        SYMMETRIC("masquerade fully-random");

        private final String rule;

        Nat(String rule) {
            this.rule = rule;
        }
    }

    /**
     * An endpoint's namespace.
     *
     * @param namespace    where its processes run ({@code ip netns exec})
     * @param hostAddress  the address of its only interface (private behind a NAT)
     * @param outside      the address the internet sees it from (the NAT's, or its own)
     */
    public record Endpoint(String namespace, String hostAddress, String outside) {
    }

    private static final String PREFIX = "ewice-";
    private static final int SLOTS = 250;

    private final int slot;
    private final List<String> namespaces = new ArrayList<>();
    private int wans;
    private int lans;

    private NatTopology(int slot) {
        this.slot = slot;
    }

    /** Reserves a slot, clears namespaces a crashed run left in it, and builds the internet with its root link. */
    public static NatTopology create() throws IOException {
        for (String program : List.of("ip", "nft")) {
            if (!onPath(program)) {
                throw new IllegalStateException(program + " is missing: the NAT tests need iproute2 and nftables"
                        + " (./edgeway test installs them)");
            }
        }
        NatTopology t = new NatTopology(reserveSlot());
        try {
            t.sweep();
            t.build();
            return t;
        } catch (IOException | RuntimeException e) {
            t.close();
            throw e;
        }
    }

    private static int reserveSlot() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int s = 1 + ThreadLocalRandom.current().nextInt(SLOTS);
            if (TestPorts.reserve("netns-slot-" + s)) {
                return s;
            }
        }
        throw new IllegalStateException("no free namespace slot");
    }

    /**
     * Deletes namespaces of this prefix that no live run owns: this slot's (the slot is ours now, so whatever
     * carries its name is stale) and those of any other slot whose reservation no JVM holds (a crashed run's).
     */
    private void sweep() throws IOException {
        for (String line : run("ip", "netns", "list").split("\n")) {
            String name = line.split(" ")[0];
            String[] parts = name.split("-");
            if (!name.startsWith(PREFIX) || parts.length < 3 || !parts[1].matches("\\d+")) {
                continue;
            }
            int owner = Integer.parseInt(parts[1]);
            if (owner == slot || TestPorts.reserve("netns-slot-" + owner)) {
                run("ip", "netns", "delete", name);
                runIgnoringFailure("ip", "link", "delete", PREFIX.replace("-", "") + owner);
            }
        }
        runIgnoringFailure("ip", "link", "delete", rootLink());
    }

    private String prefix() {
        return PREFIX + slot + "-";
    }

    private String rootLink() {
        return PREFIX.replace("-", "") + slot;
    }

    private String net(int host) {
        return "198.18." + slot + "." + host;
    }

    private void build() throws IOException {
        String inet = namespace("inet");
        run("ip", "link", "add", rootLink(), "type", "veth", "peer", "name", "uplink", "netns", inet);
        run("ip", "addr", "add", net(1) + "/30", "dev", rootLink());
        run("ip", "link", "set", rootLink(), "up");
        run("ip", "route", "add", net(0) + "/24", "via", net(2));
        run("ip", "-n", inet, "addr", "add", net(2) + "/30", "dev", "uplink");
        run("ip", "-n", inet, "link", "set", "uplink", "up");
        run("ip", "netns", "exec", inet, "sysctl", "-qw", "net.ipv4.ip_forward=1");
    }

    private String namespace(String name) throws IOException {
        String ns = prefix() + name;
        run("ip", "netns", "add", ns);
        namespaces.add(ns);
        run("ip", "-n", ns, "link", "set", "lo", "up");
        return ns;
    }

    /** The root namespace's address on the internet: where servers in the test JVM listen. */
    public String serverAddress() {
        return net(1);
    }

    /** The internet's addresses (servers of the test allow them as TURN peers). */
    public String internetCidr() {
        return net(0) + "/24";
    }

    /** An endpoint with a public address of its own on the internet. */
    public Endpoint direct(String name) throws IOException {
        String ns = namespace(name);
        String[] link = internetLink(ns);
        return new Endpoint(ns, link[1], link[1]);
    }

    /**
     * An endpoint on 10.0.N.2 behind a NAT namespace whose outside address is on the internet. The NAT drops every
     * new flow that starts outside (no unsolicited packet reaches the NAT's own stack, which would answer it and
     * take the port the inside is about to use), so only flows the endpoint opened come in.
     *
     * @param onlyTo if not null, the NAT lets UDP out only to this address (a firewall that allows TURN alone)
     */
    public Endpoint behindNat(String name, Nat nat, InetSocketAddress onlyTo) throws IOException {
        String natNs = namespace("nat" + name);
        String[] link = internetLink(natNs);
        int lan = ++lans;
        String ns = namespace(name);
        run("ip", "link", "add", "lan", "netns", natNs, "type", "veth", "peer", "name", "eth0", "netns", ns);
        run("ip", "-n", natNs, "addr", "add", "10.0." + lan + ".1/24", "dev", "lan");
        run("ip", "-n", natNs, "link", "set", "lan", "up");
        run("ip", "-n", ns, "addr", "add", "10.0." + lan + ".2/24", "dev", "eth0");
        run("ip", "-n", ns, "link", "set", "eth0", "up");
        run("ip", "-n", ns, "route", "add", "default", "via", "10.0." + lan + ".1");
        run("ip", "netns", "exec", natNs, "sysctl", "-qw", "net.ipv4.ip_forward=1");
        String egress = onlyTo == null ? ""
                : "oifname \"wan\" udp dport != " + onlyTo.getPort() + " drop\n"
                        + "oifname \"wan\" ip daddr != " + onlyTo.getAddress().getHostAddress() + " drop\n";
        String rules = """
                table ip nat {
                  chain postrouting {
                    type nat hook postrouting priority srcnat;
                    oifname "wan" %s
                  }
                }
                table inet filter {
                  chain input {
                    type filter hook input priority 0;
                    iifname "wan" ct state new drop
                  }
                  chain forward {
                    type filter hook forward priority 0;
                    iifname "wan" ct state new drop
                    %s
                  }
                }
                """.formatted(nat.rule, egress);
        runWithInput(rules, "ip", "netns", "exec", natNs, "nft", "-f", "-");
        return new Endpoint(ns, "10.0." + lan + ".2", link[1]);
    }

    /** A veth "wan" in {@code ns} on its own /30 of the internet, default route through it: {internet end, ns end}. */
    private String[] internetLink(String ns) throws IOException {
        int n = ++wans;
        int base = 4 * (n + 1); // 198.18.S.0/30 is the root link
        if (base + 3 > 255) {
            throw new IllegalStateException("too many links for one /24");
        }
        String inet = namespaces.get(0);
        String there = "wan" + n;
        run("ip", "link", "add", there, "netns", inet, "type", "veth", "peer", "name", "wan", "netns", ns);
        run("ip", "-n", inet, "addr", "add", net(base + 1) + "/30", "dev", there);
        run("ip", "-n", inet, "link", "set", there, "up");
        run("ip", "-n", ns, "addr", "add", net(base + 2) + "/30", "dev", "wan");
        run("ip", "-n", ns, "link", "set", "wan", "up");
        run("ip", "-n", ns, "route", "add", "default", "via", net(base + 1));
        return new String[] {net(base + 1), net(base + 2)};
    }

    /** The command line that runs a program inside an endpoint's namespace. */
    public static List<String> inside(Endpoint e, List<String> command) {
        List<String> line = new ArrayList<>(List.of("ip", "netns", "exec", e.namespace()));
        line.addAll(command);
        return line;
    }

    @Override
    public void close() {
        for (int i = namespaces.size() - 1; i >= 0; i--) {
            runIgnoringFailure("ip", "netns", "delete", namespaces.get(i));
        }
        namespaces.clear();
        runIgnoringFailure("ip", "link", "delete", rootLink()); // gone with its peer's namespace, unless that failed
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, program))) {
                return true;
            }
        }
        return java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/sbin", program));
    }

    private static String run(String... command) throws IOException {
        return runWithInput(null, command);
    }

    private static void runIgnoringFailure(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            // best effort: nothing to delete
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String runWithInput(String input, String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (input != null) {
            p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", command));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + p.exitValue() + ": " + out.strip());
        }
        return out;
    }
}
