package org.edgeway.engine.sip.transport;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import org.edgeway.engine.zones.ZoneConfig.Transport;

/**
 * Where a message came from, or where one goes: the transport, the remote address and, for UDP the listener's
 * socket and for TCP/TLS the connection (so responses reuse it, RFC 3261 18.2.2).
 *
 * @param transport UDP, TCP or TLS
 * @param remote    the peer's address
 * @param channel   the socket or connection, null when an outgoing connection must first be opened
 */
public record Flow(Transport transport, InetSocketAddress remote, Channel channel) {

    public boolean reliable() {
        return transport != Transport.UDP;
    }

    public String describe() {
        return transport + " " + remote.getAddress().getHostAddress() + ":" + remote.getPort();
    }
}
