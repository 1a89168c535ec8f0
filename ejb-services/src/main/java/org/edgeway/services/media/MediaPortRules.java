package org.edgeway.services.media;

import java.util.List;
import org.edgeway.engine.SystemSize;
import org.edgeway.engine.rtp.MediaConfig;
import org.edgeway.services.validation.InvalidSettingsException;

/**
 * The rules of the media ports that a field's own constraint cannot check, with the message shown next to the
 * field: a range that holds a Large system's reserved ports and a call, a demultiplexing pair the relay can use
 * (RTCP the next port, the range's first pair or outside the range), and no port another listener has.
 */
final class MediaPortRules {

    private MediaPortRules() {
    }

    /** The range of {@code form} with the stored demultiplexing settings of {@code stored}. */
    static void checkRange(TraversalSubzoneForm form, MediaConfig stored, List<PortUse> inUse) {
        InvalidSettingsException.Collector errors = new InvalidSettingsException.Collector();
        int start = form.getRangeStart();
        int end = form.getRangeEnd();
        if (end <= start) {
            errors.reject("rangeEnd", "must be above the range start");
        } else if (end - start + 1 < MediaConfig.MIN_RANGE_PORTS) {
            errors.reject("rangeEnd", "must leave at least " + MediaConfig.MIN_RANGE_PORTS + " ports in the range ("
                    + MediaConfig.LARGE_DEMUX_PORTS + " reserved for demultiplexing on Large systems and a call's"
                    + " RTP/RTCP pairs)");
        } else {
            for (PortUse use : inUse) {
                if (use.overlaps(start, end)) {
                    errors.reject(use.contains(start) ? "rangeStart" : "rangeEnd", "the range overlaps "
                            + use.describe());
                    break;
                }
            }
            if (stored.useConfiguredDemuxPorts() && !demuxFits(stored.demuxRtpPort(), start, end)) {
                errors.reject("rangeStart", "the range would hold the configured demultiplexing pair "
                        + stored.demuxRtpPort() + "/" + (stored.demuxRtpPort() + 1) + " other than as its first"
                        + " pair (Configuration > Traversal > Ports)");
            }
        }
        errors.throwIfAny();
    }

    /** The demultiplexing settings of {@code form} against the stored ones and range, on a system of {@code size}. */
    static void checkDemux(TraversalPortsForm form, MediaConfig stored, SystemSize size, List<PortUse> inUse) {
        InvalidSettingsException.Collector errors = new InvalidSettingsException.Collector();
        int rtp = form.getDemuxRtpPort();
        if (!form.isUseConfiguredDemuxPorts()) {
            if (rtp != stored.demuxRtpPort() || form.getDemuxRtcpPort() != stored.demuxRtcpPort()) {
                errors.reject("demuxRtpPort", "can be changed only when Use configured demultiplexing ports is Yes");
            }
            errors.throwIfAny();
            return;
        }
        if (size == SystemSize.LARGE) {
            errors.reject("useConfiguredDemuxPorts", "is available on Small and Medium systems only (a Large"
                    + " system demultiplexes on the first " + MediaConfig.LARGE_DEMUX_PORTS / 2
                    + " pairs of the media range)");
        }
        if (form.getDemuxRtcpPort() != rtp + 1) {
            errors.reject("demuxRtcpPort", "must be the port after the RTP port (" + (rtp + 1) + ")");
        }
        if (!demuxFits(rtp, stored.rangeStart(), stored.rangeEnd())) {
            errors.reject("demuxRtpPort", "must be the first port of the traversal media range ("
                    + stored.rangeStart() + ") or lie outside it");
        }
        for (PortUse use : inUse) {
            if (use.overlaps(rtp, rtp + 1)) {
                errors.reject("demuxRtpPort", "the pair overlaps " + use.describe());
                break;
            }
        }
        errors.throwIfAny();
    }

    /**
     * Whether a configured pair starting at {@code rtp} leaves the range's per-call pairs alone: the relay hands
     * out calls from the range's second pair when the demultiplexing pair is its first ({@link
     * MediaConfig#firstCallPort}), from its start when the pair lies outside.
     */
    private static boolean demuxFits(int rtp, int start, int end) {
        return rtp == start || rtp + 1 < start || rtp > end;
    }
}
