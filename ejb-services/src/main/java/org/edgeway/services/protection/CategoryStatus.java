package org.edgeway.services.protection;

import java.io.Serializable;

/**
 * A category's line of the overview: Status, Currently blocked, Total failures, Total blocks (both since the node
 * started) and Exemptions (how many apply to it).
 */
public record CategoryStatus(String id, String name, boolean enabled, int currentlyBlocked, long totalFailures,
        long totalBlocks, int exemptions) implements Serializable {
}
