package org.edgeway.engine;

/** Which side of a traversal pair this node plays. */
public enum NodeRole {
    /** Expressway-C: traversal client, inside the firewall. */
    EXPRESSWAY_C("Expressway-C"),
    /** Expressway-E: traversal server in the DMZ (also TURN server). */
    EXPRESSWAY_E("Expressway-E");

    private final String label;

    NodeRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
