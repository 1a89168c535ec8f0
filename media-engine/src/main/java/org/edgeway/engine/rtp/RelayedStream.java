package org.edgeway.engine.rtp;

/**
 * One relayed media stream of a call (one m= line): the side facing the caller and the side facing the callee,
 * each relaying what its peer sends out through the other.
 */
public final class RelayedStream {

    private final RelayEndpoint callerSide;
    private final RelayEndpoint calleeSide;
    private final MediaRelay relay;

    RelayedStream(RelayEndpoint callerSide, RelayEndpoint calleeSide, MediaRelay relay) {
        this.callerSide = callerSide;
        this.calleeSide = calleeSide;
        this.relay = relay;
        callerSide.peer = calleeSide;
        calleeSide.peer = callerSide;
    }

    public RelayEndpoint callerSide() {
        return callerSide;
    }

    public RelayEndpoint calleeSide() {
        return calleeSide;
    }

    /** Where the caller receives this stream (from its SDP). */
    public void callerAt(java.net.InetSocketAddress rtp, java.net.InetSocketAddress rtcp) {
        relay.declare(callerSide, rtp, rtcp);
    }

    /** Where the callee receives it. */
    public void calleeAt(java.net.InetSocketAddress rtp, java.net.InetSocketAddress rtcp) {
        relay.declare(calleeSide, rtp, rtcp);
    }

    /** Nanos of the last packet either way. */
    public long lastPacketNanos() {
        return Math.max(callerSide.lastPacketNanos(), calleeSide.lastPacketNanos());
    }

    public java.util.List<org.edgeway.engine.calls.MediaChannel> callerChannels() {
        return callerSide.channels();
    }

    public java.util.List<org.edgeway.engine.calls.MediaChannel> calleeChannels() {
        return calleeSide.channels();
    }

    /** Releases the stream's ports. */
    public void close() {
        relay.release(this);
    }
}
