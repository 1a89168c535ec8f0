package org.edgeway.engine.sip.proxy;

import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import org.edgeway.engine.sip.SipConfig;
import org.edgeway.engine.sip.message.SipUri;
import org.edgeway.engine.zones.ZoneConfig.Transport;

/**
 * Who "this node" is in URIs and Vias: its host name, bind address and listener ports, and the configured SIP
 * domains (a Request-URI without user naming one of them is addressed to the node).
 */
public final class LocalIdentity {

    private final String hostName;
    private final String bindAddress;
    private final Function<Transport, InetSocketAddress> listeners;
    private final Supplier<SipConfig> config;

    public LocalIdentity(String hostName, String bindAddress, Function<Transport, InetSocketAddress> listeners,
            Supplier<SipConfig> config) {
        this.hostName = hostName == null ? "" : hostName.toLowerCase(Locale.ROOT);
        this.bindAddress = bindAddress;
        this.listeners = listeners;
        this.config = config;
    }

    /** Whether a URI (Route or Request-URI) names this node. */
    public boolean isUs(SipUri uri) {
        if (!uri.isSip()) {
            return false;
        }
        String host = uri.host();
        boolean ourHost = host.equals(hostName) || host.equals(advertisedHost()) || host.equals(bindAddress)
                || host.equals("localhost") && bindAddress.startsWith("127.");
        if (!ourHost) {
            return uri.user() == null && uri.port() < 0 && isDomain(host);
        }
        if (uri.port() < 0) {
            return listening(5060) || listening(5061);
        }
        return listening(uri.port());
    }

    /** Whether a Via was put there by this node (its sent-by is one of this node's listeners). */
    public boolean isOwnVia(org.edgeway.engine.sip.message.Via via) {
        String host = via.host();
        boolean ourHost = host.equals(hostName) || host.equals(advertisedHost()) || host.equals(bindAddress);
        return ourHost && listening(via.port() < 0 ? 5060 : via.port());
    }

    public boolean isDomain(String host) {
        return config.get().domains().stream().anyMatch(d -> d.name().equalsIgnoreCase(host));
    }

    public boolean isRegistrarDomain(String host) {
        return config.get().domains().stream().anyMatch(d -> d.registrations() && d.name().equalsIgnoreCase(host));
    }

    private boolean listening(int port) {
        for (Transport t : Transport.values()) {
            InetSocketAddress a = listeners.apply(t);
            if (a != null && a.getPort() == port) {
                return true;
            }
        }
        return false;
    }

    /** Host this node puts in Via and Record-Route: the bind address, or the host name when bound to any. */
    public String advertisedHost() {
        return bindAddress.equals("0.0.0.0") || bindAddress.equals("::") ? hostName : bindAddress;
    }

    /** "host:port" of the listener for a transport (UDP's when that transport has none). */
    public String sentBy(Transport transport) {
        InetSocketAddress a = listeners.apply(transport);
        if (a == null) {
            a = listeners.apply(Transport.UDP);
        }
        if (a == null) {
            a = listeners.apply(Transport.TCP);
        }
        return advertisedHost() + (a == null ? "" : ":" + a.getPort());
    }
}
