package org.edgeway.web.api;

import org.edgeway.services.media.TraversalPortsForm;
import org.edgeway.services.media.TraversalSubzoneForm;

/** What the API shows of the media pages: Traversal Subzone and Traversal &gt; Ports. */
public final class MediaJson {

    private MediaJson() {
    }

    /** {@code rangeOverride}: the edgeway.media.portRange the node was started with ("start-end"), or null. */
    public record TraversalSubzone(int rangeStart, int rangeEnd, String relayStatus, String rangeOverride) {
    }

    /** {@code restartPending}: saved demultiplexing ports wait for a restart. */
    public record TraversalPorts(boolean useConfiguredDemuxPorts, int demuxRtpPort, int demuxRtcpPort,
            boolean restartPending) {
        static TraversalPorts of(TraversalPortsForm f, boolean restartPending) {
            return new TraversalPorts(f.isUseConfiguredDemuxPorts(), f.getDemuxRtpPort(), f.getDemuxRtcpPort(),
                    restartPending);
        }
    }

    static TraversalSubzone subzone(TraversalSubzoneForm f, String relayStatus, String rangeOverride) {
        return new TraversalSubzone(f.getRangeStart(), f.getRangeEnd(), relayStatus, rangeOverride);
    }
}
