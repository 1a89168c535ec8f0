package org.edgeway.services.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.edgeway.engine.EngineConfig;
import org.edgeway.engine.rtp.MediaConfig;
import org.edgeway.engine.rtp.MediaRelayService;
import org.edgeway.services.engine.EngineConfigContributor;

/**
 * The media relay's part of the engine configuration: the stored range (new calls take a changed range at once),
 * and the demultiplexing pair the node started with (seed 003: that change needs a restart).
 *
 * <p>{@value #RANGE_PROPERTY} ("start-end", {@code edgeway.sh ... -- -Dedgeway.media.portRange=20000-20063}) is a
 * start-time override of the stored range for a lab or a bench that runs a C and an E on one host; the Traversal
 * Subzone page says when it is in force.
 */
@ApplicationScoped
public class MediaEngineConfig implements EngineConfigContributor {

    public static final String RANGE_PROPERTY = "edgeway.media.portRange";
    private static final Logger LOG = Logger.getLogger(MediaEngineConfig.class.getName());

    @Inject
    private MediaSettingsService settings;

    /** The settings read at the node's start: their demultiplexing pair is the one running until a restart. */
    private MediaConfig atStart;

    @Override
    public synchronized EngineConfig contribute(EngineConfig config) {
        MediaConfig stored = settings.storedConfig();
        if (atStart == null) {
            atStart = stored;
        }
        MediaConfig media = config.service(MediaRelayService.KEY).withRange(stored.rangeStart(), stored.rangeEnd())
                .withDemux(atStart.useConfiguredDemuxPorts(), atStart.demuxRtpPort(), atStart.demuxRtcpPort());
        Optional<int[]> override = rangeOverride();
        if (override.isPresent()) {
            media = media.withRange(override.get()[0], override.get()[1]);
        }
        return config.with(MediaRelayService.KEY, media);
    }

    /** Whether {@code stored} has a demultiplexing pair other than the one the node started with. */
    public synchronized boolean restartPending(MediaConfig stored) {
        return atStart != null && (atStart.useConfiguredDemuxPorts() != stored.useConfiguredDemuxPorts()
                || atStart.demuxRtpPort() != stored.demuxRtpPort()
                || atStart.demuxRtcpPort() != stored.demuxRtcpPort());
    }

    /** The {@value #RANGE_PROPERTY} range, if set and well formed (a malformed one is logged and ignored). */
    static Optional<int[]> rangeOverride() {
        String range = System.getProperty(RANGE_PROPERTY);
        if (range == null || range.isBlank()) {
            return Optional.empty();
        }
        try {
            String[] p = range.trim().split("-");
            int[] r = {Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim())};
            MediaConfig.defaults().withRange(r[0], r[1]); // the engine's own check
            return Optional.of(r);
        } catch (RuntimeException e) {
            LOG.warning(RANGE_PROPERTY + "=" + range + " ignored: " + e.getMessage());
            return Optional.empty();
        }
    }
}
