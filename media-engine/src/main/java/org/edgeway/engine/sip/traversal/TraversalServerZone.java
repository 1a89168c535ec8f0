package org.edgeway.engine.sip.traversal;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.edgeway.engine.sip.transport.Flow;
import org.edgeway.engine.sip.transport.SipTransports;
import org.edgeway.engine.zones.ZoneConfig;
import org.edgeway.engine.zones.ZoneConfig.Transport;

/**
 * The server end of a traversal zone (the Expressway-E): a TLS listener on the zone's port, tagged with the zone.
 * A client that passes TLS verify and authenticates as the zone's username (the proxy checks its OPTIONS) becomes
 * the zone's connection, down which every request for the client's side is sent.
 */
final class TraversalServerZone {

    private final ZoneConfig zone;
    private final SipTransports transports;
    private volatile ZoneState state;
    private volatile Channel channel;

    TraversalServerZone(ZoneConfig zone, SipTransports transports) {
        this.zone = zone;
        this.transports = transports;
        this.state = ZoneState.checking(null, "Waiting for the traversal client");
    }

    void start(SslContext tls) throws IOException {
        String expected = zone.tlsVerify() ? zone.tlsVerifySubjectName() : null;
        transports.bindStream(Transport.TLS, zone.port(), () -> tls, zone.name(), ssl -> {
            String failure = TraversalTls.checkSubject(ssl, expected);
            if (failure != null) {
                state = ZoneState.failed(describe(ssl.engine().getPeerHost(), ssl.engine().getPeerPort()),
                        failure);
            }
            return failure;
        });
    }

    ZoneState state() {
        return state;
    }

    void authenticated(Channel ch) {
        Channel previous = channel;
        channel = ch;
        InetSocketAddress remote = (InetSocketAddress) ch.remoteAddress();
        state = ZoneState.active(describe(remote.getAddress().getHostAddress(), remote.getPort()));
        ch.closeFuture().addListener(f -> {
            if (channel == ch) {
                channel = null;
                state = ZoneState.failed(state.peer(), "Connection lost");
            }
        });
        if (previous != null && previous != ch) {
            previous.close(); // a reconnected client replaces its old connection
        }
    }

    boolean isAuthenticated(Channel ch) {
        return ch != null && ch == channel;
    }

    void refused(Channel ch, String reason) {
        InetSocketAddress remote = (InetSocketAddress) ch.remoteAddress();
        state = ZoneState.failed(describe(remote.getAddress().getHostAddress(), remote.getPort()), reason);
    }

    Flow flow() {
        Channel c = channel;
        return c != null && c.isActive() ? new Flow(Transport.TLS, (InetSocketAddress) c.remoteAddress(), c) : null;
    }

    void stop() {
        transports.closeZoneListener(zone.name());
        Channel c = channel;
        channel = null;
        if (c != null) {
            c.close();
        }
    }

    private static String describe(String host, int port) {
        return host + ":" + port;
    }
}
