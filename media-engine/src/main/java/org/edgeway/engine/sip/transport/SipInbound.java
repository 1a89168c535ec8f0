package org.edgeway.engine.sip.transport;

/** Where the transports hand every received message (one datagram, or one frame of a stream). */
@FunctionalInterface
public interface SipInbound {

    void receive(byte[] message, Flow flow, boolean datagram);
}
