package org.edgeway.services.zones;

import org.edgeway.engine.zones.ZoneConfig.AuthenticationPolicy;
import org.edgeway.engine.zones.ZoneConfig.MediaEncryption;
import org.edgeway.engine.zones.ZoneConfig.ZoneType;

/** The console's words for the zone enums (seed spellings), shared by the pages, the API lists and the log. */
public final class ZoneLabels {

    /** The type label of the built-in CollaborationEdgeZone. */
    public static final String COLLABORATION_EDGE = "Collaboration edge (built-in)";

    private ZoneLabels() {
    }

    /** The label of any zone enum constant (for pages, which see them only as enums). */
    public static String of(Enum<?> value) {
        if (value instanceof ZoneType t) {
            return type(t);
        }
        if (value instanceof AuthenticationPolicy p) {
            return authenticationPolicy(p);
        }
        if (value instanceof MediaEncryption m) {
            return mediaEncryption(m);
        }
        return value == null ? null : value.name();
    }

    public static String type(ZoneType type) {
        return switch (type) {
            case NEIGHBOR -> "Neighbor";
            case TRAVERSAL_CLIENT -> "Traversal client";
            case TRAVERSAL_SERVER -> "Traversal server";
            case UNIFIED_COMMUNICATIONS_TRAVERSAL -> "Unified Communications traversal";
        };
    }

    public static String authenticationPolicy(AuthenticationPolicy policy) {
        return switch (policy) {
            case DO_NOT_CHECK_CREDENTIALS -> "Do not check credentials";
            case CHECK_CREDENTIALS -> "Check credentials";
        };
    }

    public static String mediaEncryption(MediaEncryption mode) {
        return switch (mode) {
            case FORCE_ENCRYPTED -> "Force encrypted";
            case FORCE_UNENCRYPTED -> "Force unencrypted";
            case BEST_EFFORT -> "Best effort";
            case AUTO -> "Auto";
        };
    }
}
