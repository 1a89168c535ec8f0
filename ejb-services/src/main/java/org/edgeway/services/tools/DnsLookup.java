package org.edgeway.services.tools;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.edgeway.engine.dns.DnsAnswer;
import org.edgeway.engine.dns.DnsClient;
import org.edgeway.engine.dns.DnsRecord;
import org.edgeway.services.system.SystemSettingsService;
import org.edgeway.services.validation.Addresses;
import org.edgeway.services.validation.InvalidSettingsException;

/**
 * Maintenance &gt; Tools &gt; Network utilities &gt; DNS lookup: a real query to the node's DNS server (System &gt; DNS
 * server address 1, else the machine's first resolv.conf name server) or to one the administrator names, with the
 * answer, its time and its transport. Reads nothing and changes nothing on the node, so read-only accounts may use it.
 */
@Stateless
public class DnsLookup {

    static final int DNS_PORT = 53;
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Pattern NAME = Pattern.compile("(?=.{1,253}\\.?$)([A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?\\.)*"
            + "[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?\\.?");

    @Inject
    private SystemSettingsService settings;

    /**
     * @param name    the host or domain to look up
     * @param type    what to ask
     * @param server  a DNS server's IP address, or blank for the node's own
     */
    public DnsLookupResult lookup(String name, LookupType type, String server) {
        InvalidSettingsException.Collector errors = new InvalidSettingsException.Collector();
        String n = name == null ? "" : name.strip();
        if (!NAME.matcher(n).matches()) {
            errors.reject("name", "must be a host or domain name (letters, digits, hyphens, underscores, dots)");
        }
        if (type == null) {
            errors.reject("type", "is required");
        }
        InetAddress address = null;
        if (server != null && !server.isBlank()) {
            address = literal(server.strip());
            if (address == null) {
                errors.reject("server", "must be an IPv4 or IPv6 address");
            }
        }
        errors.throwIfAny();
        InetSocketAddress target = new InetSocketAddress(address != null ? address : nodeServer(), DNS_PORT);
        DnsClient client = new DnsClient(TIMEOUT);
        List<DnsLookupResult.Outcome> outcomes = new ArrayList<>();
        List<DnsLookupResult.Row> rows = new ArrayList<>();
        for (LookupType.Question q : type.questions(n)) {
            try {
                DnsAnswer a = client.query(target, q.name(), q.type());
                outcomes.add(new DnsLookupResult.Outcome(q.name(), q.type().name(), a.rcodeName(), a.transport(),
                        a.took().toMillis(), a.answers().size()));
                for (DnsRecord r : a.answers()) {
                    rows.add(new DnsLookupResult.Row(r.name(), r.type().name(), r.ttl(), r.data()));
                }
            } catch (IOException | IllegalArgumentException e) {
                outcomes.add(new DnsLookupResult.Outcome(q.name(), q.type().name(),
                        Objects.requireNonNullElse(e.getMessage(), e.toString()), "UDP", 0, 0));
            }
        }
        return new DnsLookupResult(target.getAddress().getHostAddress() + ":" + DNS_PORT, outcomes, rows);
    }

    /** System &gt; DNS server address 1 (the first set), else the machine's resolver. */
    private InetAddress nodeServer() {
        for (String s : settings.dns().dnsServers()) {
            InetAddress a = s == null || s.isBlank() ? null : literal(s.strip());
            if (a != null) {
                return a;
            }
        }
        try {
            for (String line : Files.readAllLines(Path.of("/etc/resolv.conf"))) {
                String[] f = line.strip().split("\\s+");
                if (f.length >= 2 && f[0].equals("nameserver") && literal(f[1]) != null) {
                    return literal(f[1]);
                }
            }
        } catch (IOException e) {
            // no resolv.conf: fall through
        }
        throw new InvalidSettingsException(Map.of("server", "no DNS server is configured (System > DNS): name one"));
    }

    /** An address literal, never a name lookup. */
    private static InetAddress literal(String s) {
        if (!Addresses.isIpAddress(s)) {
            return null;
        }
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
