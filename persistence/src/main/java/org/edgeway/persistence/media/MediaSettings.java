package org.edgeway.persistence.media;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The media relay's ports: Configuration &gt; Local Zone &gt; Traversal Subzone (the traversal media port range,
 * P31) and Configuration &gt; Traversal &gt; Ports (the demultiplexing pair, P32). A single row, id 1, written at
 * the first save of either page; until then the engine's defaults apply.
 */
@Entity
@Table(name = "media_settings")
public class MediaSettings {

    public static final int SINGLETON_ID = 1;

    @Id
    private int id = SINGLETON_ID;
    @Column(name = "range_start", nullable = false)
    private int rangeStart;
    @Column(name = "range_end", nullable = false)
    private int rangeEnd;
    @Column(name = "use_configured_demux_ports", nullable = false)
    private boolean useConfiguredDemuxPorts;
    @Column(name = "demux_rtp_port", nullable = false)
    private int demuxRtpPort;
    @Column(name = "demux_rtcp_port", nullable = false)
    private int demuxRtcpPort;
    @Version
    private long version;

    public int getRangeStart() {
        return rangeStart;
    }

    public void setRangeStart(int rangeStart) {
        this.rangeStart = rangeStart;
    }

    public int getRangeEnd() {
        return rangeEnd;
    }

    public void setRangeEnd(int rangeEnd) {
        this.rangeEnd = rangeEnd;
    }

    public boolean isUseConfiguredDemuxPorts() {
        return useConfiguredDemuxPorts;
    }

    public void setUseConfiguredDemuxPorts(boolean useConfiguredDemuxPorts) {
        this.useConfiguredDemuxPorts = useConfiguredDemuxPorts;
    }

    public int getDemuxRtpPort() {
        return demuxRtpPort;
    }

    public void setDemuxRtpPort(int demuxRtpPort) {
        this.demuxRtpPort = demuxRtpPort;
    }

    public int getDemuxRtcpPort() {
        return demuxRtcpPort;
    }

    public void setDemuxRtcpPort(int demuxRtcpPort) {
        this.demuxRtcpPort = demuxRtcpPort;
    }
}
