package org.edgeway.engine.net;

import io.netty.channel.socket.DatagramChannel;

/**
 * A bound UDP socket not yet on an event loop: what the relay port pool binds, holds for a RESERVATION-TOKEN and
 * finally hands to Netty. Made by {@link Transports#bindDatagram}, so it matches the event loops' transport.
 */
public interface BoundDatagram {

    int port();

    /** The Netty channel over this socket, not yet registered; it owns the socket from now on. */
    DatagramChannel toChannel();

    /** Closes the socket (a reservation that was never used). Never throws. */
    void close();
}
