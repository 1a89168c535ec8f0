package org.edgeway.engine.net;

import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.unix.Socket;

/**
 * A bound UDP socket not yet on an event loop: what the relay port pool binds, holds for a RESERVATION-TOKEN and
 * finally hands to Netty. Made by {@link Transports#bindDatagram}, so it matches the event loops' transport.
 */
public interface BoundDatagram {

    int port();

    /** The Netty channel over this socket, not yet registered; it owns the socket from now on. */
    DatagramChannel toChannel();

    /**
     * Under native epoll the socket itself, for a caller that registers it with an event loop directly (see
     * {@link DirectDatagramSender}) and owns it from now on; null under NIO (use {@link #toChannel()}).
     */
    default Socket nativeSocket() {
        return null;
    }

    /** Closes the socket (a reservation that was never used). Never throws. */
    void close();
}
