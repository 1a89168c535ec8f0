package org.edgeway.services.media;

import jakarta.enterprise.context.ApplicationScoped;
import org.edgeway.engine.EngineConfig;
import org.edgeway.engine.rtp.MediaConfig;
import org.edgeway.engine.rtp.MediaRelayService;
import org.edgeway.services.engine.EngineConfigContributor;

/**
 * The media relay's settings. Until Configuration &gt; Local Zone &gt; Traversal Subzone stores them, the seed's
 * defaults (36000-59999) apply, and a lab or a test may move the range with the system property
 * {@value #RANGE_PROPERTY} ("start-end", e.g. {@code edgeway.sh ... -- -Dedgeway.media.portRange=20000-20063}).
 */
@ApplicationScoped
public class MediaEngineConfig implements EngineConfigContributor {

    public static final String RANGE_PROPERTY = "edgeway.media.portRange";

    @Override
    public EngineConfig contribute(EngineConfig config) {
        MediaConfig media = config.service(MediaRelayService.KEY);
        String range = System.getProperty(RANGE_PROPERTY);
        if (range != null && !range.isBlank()) {
            String[] p = range.trim().split("-");
            try {
                media = media.withRange(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()));
            } catch (RuntimeException e) { // a malformed lab setting: the defaults rather than no media relay
                java.util.logging.Logger.getLogger(MediaEngineConfig.class.getName()).warning(RANGE_PROPERTY + "="
                        + range + " ignored: " + e.getMessage());
            }
        }
        return config.with(MediaRelayService.KEY, media);
    }
}
