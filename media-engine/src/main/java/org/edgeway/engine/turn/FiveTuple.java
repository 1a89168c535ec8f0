package org.edgeway.engine.turn;

import java.net.InetSocketAddress;

/**
 * RFC 8656 section 2: "5-tuple: The combination (client IP address and port, server IP address and port, and
 * transport protocol (currently one of UDP, TCP, DTLS/UDP, or TLS/TCP)) used to communicate between the client
 * and the server. The 5-tuple uniquely identifies this communication stream."
 */
record FiveTuple(InetSocketAddress client, InetSocketAddress server, String transport) {
}
