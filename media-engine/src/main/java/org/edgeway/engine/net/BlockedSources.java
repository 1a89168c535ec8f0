package org.edgeway.engine.net;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The source addresses the automated protection service blocks, immutable. Whole addresses (/32, /128, what the
 * detector blocks) are one hash lookup; shorter prefixes, if any, are matched in turn. Listeners hold it through a
 * {@link SourceGate} and ask once per datagram or connection.
 */
public final class BlockedSources {

    public static final BlockedSources NONE = new BlockedSources(Set.of(), List.of());

    private final Set<InetAddress> hosts;
    private final List<Cidr> prefixes;

    private BlockedSources(Set<InetAddress> hosts, List<Cidr> prefixes) {
        this.hosts = hosts;
        this.prefixes = prefixes;
    }

    /** From {@code address[/prefix]} literals (never resolved); throws IllegalArgumentException on anything else. */
    public static BlockedSources of(Collection<String> blocked) {
        Set<InetAddress> hosts = new HashSet<>();
        List<Cidr> prefixes = new ArrayList<>();
        for (String text : blocked) {
            Cidr c = Cidr.parse(text);
            byte[] address = Cidr.literal(text.contains("/") ? text.substring(0, text.indexOf('/')) : text);
            if (c.prefixLength() == address.length * 8) {
                try {
                    hosts.add(InetAddress.getByAddress(address));
                } catch (java.net.UnknownHostException e) {
                    throw new IllegalArgumentException(text, e);
                }
            } else {
                prefixes.add(c);
            }
        }
        return hosts.isEmpty() && prefixes.isEmpty() ? NONE : new BlockedSources(Set.copyOf(hosts), List.copyOf(prefixes));
    }

    public boolean isEmpty() {
        return this == NONE;
    }

    public boolean contains(InetAddress source) {
        if (hosts.contains(source)) {
            return true;
        }
        for (Cidr c : prefixes) {
            if (c.matches(source)) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return hosts.size() + prefixes.size();
    }
}
