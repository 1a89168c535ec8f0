package org.edgeway.services.zones;

import java.io.Serializable;

/**
 * A zone as the zone list and Status &gt; Zones show it: never its password.
 *
 * @param id     zone number ({@code editzone?id=N})
 * @param name   zone name
 * @param type   type name (enum constant)
 * @param typeLabel type as the console words it
 * @param status "Active", "Failed", "Checking", "Off", or "SIP is not running" while the SIP service is not
 * @param reason why it is not Active, or null
 * @param peer   the peer the zone is connected to or tries, or null
 * @param builtIn a zone the node makes itself (CollaborationEdgeZone): listed, never edited or deleted
 */
public record ZoneRow(int id, String name, String type, String typeLabel, String status, String reason, String peer,
        boolean builtIn) implements Serializable {

    public int getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getTypeLabel() {
        return typeLabel;
    }

    public String getStatus() {
        return status;
    }

    public String getReason() {
        return reason;
    }

    public String getPeer() {
        return peer;
    }

    public boolean isBuiltIn() {
        return builtIn;
    }
}
