package org.edgeway.services.sip;

import java.io.Serializable;

/**
 * Status &gt; Overview on an Expressway-E, "MRA Registration": devices registered through this node into its
 * Unified Communications traversal zone.
 *
 * @param current registered now
 * @param peak    the most at once since the node started
 */
public record MraRegistrationCounts(int current, int peak) implements Serializable {

    public int getCurrent() {
        return current;
    }

    public int getPeak() {
        return peak;
    }
}
