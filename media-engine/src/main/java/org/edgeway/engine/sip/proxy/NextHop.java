package org.edgeway.engine.sip.proxy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import org.edgeway.engine.sip.message.SipUri;
import org.edgeway.engine.sip.transport.Flow;
import org.edgeway.engine.zones.ZoneConfig.Transport;

/**
 * Where a URI leads (RFC 3263 reduced to what a configured edge needs: an IP address or a name the resolver knows,
 * the URI's port or the transport's default, transport from the transport parameter or sips:).
 */
final class NextHop {

    private NextHop() {
    }

    static Flow of(SipUri uri, Transport fallback) throws UnknownHostException {
        String t = uri.param("transport");
        Transport transport = uri.scheme().equals("sips") ? Transport.TLS
                : t == null ? fallback : switch (t.toLowerCase(Locale.ROOT)) {
                    case "tcp" -> Transport.TCP;
                    case "tls" -> Transport.TLS;
                    default -> Transport.UDP;
                };
        return of(uri.host(), uri.port(), transport);
    }

    static Flow of(String host, int port, Transport transport) throws UnknownHostException {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        int p = port > 0 ? port : transport == Transport.TLS ? 5061 : 5060;
        return new Flow(transport, new InetSocketAddress(InetAddress.getByName(h), p), null);
    }
}
