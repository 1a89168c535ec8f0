package org.edgeway.services.media;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.Serializable;
import org.edgeway.engine.rtp.MediaConfig;

/** Configuration &gt; Local Zone &gt; Traversal Subzone (P31): the traversal media port range. */
public class TraversalSubzoneForm implements Serializable {

    static final String PORT_MESSAGE = "must be a port between 1024 and 65535";
    private static final MediaConfig DEFAULTS = MediaConfig.defaults();

    @Min(value = 1024, message = PORT_MESSAGE)
    @Max(value = 65535, message = PORT_MESSAGE)
    private int rangeStart = DEFAULTS.rangeStart();
    @Min(value = 1024, message = PORT_MESSAGE)
    @Max(value = 65535, message = PORT_MESSAGE)
    private int rangeEnd = DEFAULTS.rangeEnd();

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
}
