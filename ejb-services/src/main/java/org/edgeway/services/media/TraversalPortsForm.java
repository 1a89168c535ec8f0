package org.edgeway.services.media;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.Serializable;
import org.edgeway.engine.rtp.MediaConfig;

/**
 * Configuration &gt; Traversal &gt; Ports (P32): the Small/Medium Expressway-E's demultiplexing pair, configured
 * (Yes) or the first pair of the traversal media range (No). H.323 ports are not here: Edgeway has no H.323.
 */
public class TraversalPortsForm implements Serializable {

    private static final MediaConfig DEFAULTS = MediaConfig.defaults();

    private boolean useConfiguredDemuxPorts = DEFAULTS.useConfiguredDemuxPorts();
    @Min(value = 1024, message = TraversalSubzoneForm.PORT_MESSAGE)
    @Max(value = 65535, message = TraversalSubzoneForm.PORT_MESSAGE)
    private int demuxRtpPort = DEFAULTS.demuxRtpPort();
    @Min(value = 1024, message = TraversalSubzoneForm.PORT_MESSAGE)
    @Max(value = 65535, message = TraversalSubzoneForm.PORT_MESSAGE)
    private int demuxRtcpPort = DEFAULTS.demuxRtcpPort();

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
