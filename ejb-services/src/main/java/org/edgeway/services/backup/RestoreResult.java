package org.edgeway.services.backup;

import java.io.Serializable;
import java.time.Instant;

/** What a restore applied: the backup's origin, how many rows, and whether the node must restart for all of it. */
public record RestoreResult(String node, Instant createdAt, String schemaVersion, int rows, boolean restartRequired)
        implements Serializable {
}
