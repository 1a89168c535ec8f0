package org.edgeway.engine.calls;

/**
 * One relayed media channel of a leg (e.g. audio RTP, audio RTCP) with what this node relayed on it.
 *
 * @param name          "audio RTP", "audio RTCP", "video RTP" ...
 * @param from          the address media came from, "ip:port" (empty before the first packet latched)
 * @param to            the address it was relayed to
 * @param packets       packets relayed
 * @param bytes         payload bytes relayed (UDP payload)
 * @param lost          packets lost as reported by RTCP receiver reports (cumulative), or by sequence gaps
 * @param jitterMillis  interarrival jitter from RTCP, milliseconds
 */
public record MediaChannel(String name, String from, String to, long packets, long bytes, long lost,
        double jitterMillis) {
}
