package org.edgeway.services.bandwidth;

import java.io.Serializable;

/**
 * One row of Status &gt; Bandwidth &gt; Links.
 *
 * @param link  the link's name, {@code <zone>ToTraversalSZ}: relayed media crosses the node's traversal subzone
 * @param zone  the zone at the link's far end
 * @param calls relayed calls with a leg in that zone now
 * @param kbps  media those calls relayed across the link (both directions) over the last sampling window
 */
public record LinkUsage(String link, String zone, int calls, long kbps) implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String SUFFIX = "ToTraversalSZ";

    static LinkUsage idle(String zone) {
        return new LinkUsage(zone + SUFFIX, zone, 0, 0);
    }

    public String getLink() {
        return link;
    }

    public String getZone() {
        return zone;
    }

    public int getCalls() {
        return calls;
    }

    public long getKbps() {
        return kbps;
    }
}
