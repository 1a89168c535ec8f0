package org.edgeway.services.zones;

import org.edgeway.engine.NodeRole;
import org.edgeway.engine.zones.ZoneConfig.ZoneType;

/**
 * What a zone does on this node, which decides the fields it has: a Unified Communications traversal zone is "a
 * traversal client zone when selected on a Expressway-C, or a traversal server zone when selected on an
 * Expressway-E" (P30). The page shows, the rules require and the service stores only the fields of the role.
 */
public enum ZoneRole {
    /** Peers, port, transport, TLS verify and subject name; no credentials. */
    NEIGHBOR,
    /** Connects out: peers, port, username and password, keep-alive; TLS verify subject name not applicable. */
    CLIENT,
    /** Listens on its own port: the client's username (local database), TLS verify subject name; no peers. */
    SERVER;

    public static ZoneRole of(ZoneType type, NodeRole node) {
        return switch (type) {
            case NEIGHBOR -> NEIGHBOR;
            case TRAVERSAL_CLIENT -> CLIENT;
            case TRAVERSAL_SERVER -> SERVER;
            case UNIFIED_COMMUNICATIONS_TRAVERSAL -> node == NodeRole.EXPRESSWAY_E ? SERVER : CLIENT;
        };
    }

    public boolean hasPeers() {
        return this != SERVER;
    }

    public boolean hasUsername() {
        return this != NEIGHBOR;
    }

    public boolean hasPassword() {
        return this == CLIENT;
    }

    public boolean hasSubjectName() {
        return this != CLIENT;
    }

    public boolean hasKeepAlive() {
        return this == CLIENT;
    }

    /** Traversal zones carry SIP over a connection: TCP or TLS, never UDP. */
    public boolean isTraversal() {
        return this != NEIGHBOR;
    }
}
