package org.edgeway.services.optionkeys;

import java.io.Serializable;
import java.time.Instant;

/** One row of Maintenance &gt; Option keys. Every key is Active: an open product locks nothing behind a key. */
public record OptionKeyView(long id, String key, String description, String status, Instant addedAt, String addedBy)
        implements Serializable {
}
