package org.edgeway.engine.rtp;

import java.time.Duration;
import org.edgeway.engine.SystemSize;

/**
 * Media relay settings: Configuration &gt; Local Zone &gt; Traversal Subzone (the media port range) and, on an
 * Expressway-E, Configuration &gt; Traversal &gt; Ports (the demultiplexing pair).
 *
 * <p><b>Defaults</b> ({@link #defaults()}; the one place they are written):
 * <table>
 * <caption>Media relay defaults</caption>
 * <tr><th>component</th><th>default</th><th>meaning</th></tr>
 * <tr><td>rangeStart / rangeEnd</td><td>36000 / 59999</td><td>traversal media port range (P31.F01, seed 003)</td></tr>
 * <tr><td>useConfiguredDemuxPorts</td><td>false</td><td>Small/Medium E: take the demultiplexing pair from
 *     demuxRtpPort/demuxRtcpPort rather than the first pair of the range (P32.F03, [INF] No)</td></tr>
 * <tr><td>demuxRtpPort / demuxRtcpPort</td><td>36000 / 36001</td><td>the configured pair (P32.F04)</td></tr>
 * <tr><td>mediaTimeout</td><td>60 s</td><td>[INF] an answered call with no media either way for this long is
 *     ended with reason "Media timeout"</td></tr>
 * </table>
 */
public record MediaConfig(int rangeStart, int rangeEnd, boolean useConfiguredDemuxPorts, int demuxRtpPort,
        int demuxRtcpPort, Duration mediaTimeout) {

    public static final int DEFAULT_RANGE_START = 36000;
    public static final int DEFAULT_RANGE_END = 59999;
    /** Large systems keep this many ports (6 RTP/RTCP pairs) at the start of the range for demultiplexing. */
    public static final int LARGE_DEMUX_PORTS = 12;
    /** The smallest range: a Large system's reserved ports plus the two RTP/RTCP pairs of one relayed call. */
    public static final int MIN_RANGE_PORTS = LARGE_DEMUX_PORTS + 4;

    public MediaConfig {
        if (rangeStart < 1024 || rangeEnd > 65535 || rangeEnd - rangeStart + 1 < MIN_RANGE_PORTS) {
            throw new IllegalArgumentException("media port range " + rangeStart + "-" + rangeEnd
                    + " must lie in 1024-65535 and hold at least " + MIN_RANGE_PORTS + " ports");
        }
        mediaTimeout = mediaTimeout == null ? Duration.ofSeconds(60) : mediaTimeout;
    }

    public static MediaConfig defaults() {
        return new MediaConfig(DEFAULT_RANGE_START, DEFAULT_RANGE_END, false, DEFAULT_RANGE_START,
                DEFAULT_RANGE_START + 1, Duration.ofSeconds(60));
    }

    public MediaConfig withRange(int start, int end) {
        return new MediaConfig(start, end, useConfiguredDemuxPorts, demuxRtpPort, demuxRtcpPort, mediaTimeout);
    }

    /** The Small/Medium demultiplexing pair: configured (Yes) or the first pair of the range (No). */
    public MediaConfig withDemux(boolean useConfigured, int rtpPort, int rtcpPort) {
        return new MediaConfig(rangeStart, rangeEnd, useConfigured, rtpPort, rtcpPort, mediaTimeout);
    }

    public MediaConfig withMediaTimeout(Duration timeout) {
        return new MediaConfig(rangeStart, rangeEnd, useConfiguredDemuxPorts, demuxRtpPort, demuxRtcpPort, timeout);
    }

    /** The E's demultiplexing RTP port (its RTCP port is the next): seed 003, by system size. */
    public int demuxPort(SystemSize size) {
        return size != SystemSize.LARGE && useConfiguredDemuxPorts ? demuxRtpPort : rangeStart;
    }

    /**
     * The first port of the range a node hands out per call: on an E after its demultiplexing ports (36002 on
     * Small/Medium, 36012 on Large), on a C the whole range.
     */
    public int firstCallPort(SystemSize size, boolean demultiplexing) {
        if (!demultiplexing) {
            return rangeStart;
        }
        if (size == SystemSize.LARGE) {
            return rangeStart + LARGE_DEMUX_PORTS;
        }
        return useConfiguredDemuxPorts && (demuxRtpPort < rangeStart || demuxRtpPort > rangeEnd) ? rangeStart
                : rangeStart + 2;
    }
}
