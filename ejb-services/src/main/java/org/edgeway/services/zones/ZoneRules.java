package org.edgeway.services.zones;

import java.util.Collection;
import java.util.Set;
import org.edgeway.engine.zones.SearchRule;
import org.edgeway.engine.zones.ZoneConfig.MediaEncryption;
import org.edgeway.engine.zones.ZoneConfig.Transport;
import org.edgeway.engine.zones.ZoneConfig.ZoneType;
import org.edgeway.services.validation.InvalidSettingsException;

/**
 * The rules of a zone that each field's own constraint cannot check: what the zone's role requires, names and
 * traversal server ports unique (B-TRAV-04), the server's username in the local database (B-TRAV-05), one Unified
 * Communications traversal zone per node with its forced values (B-TRAV-13). Messages go next to the field.
 */
final class ZoneRules {

    /** Another stored zone, as the rules need it. */
    record Other(int id, String name, ZoneType type, ZoneRole role, int port) {
    }

    private ZoneRules() {
    }

    /**
     * Throws {@link InvalidSettingsException} naming every field of {@code form} (in role {@code role}) that breaks
     * a rule, given the node's other zones and the names in its local authentication database.
     */
    static void check(ZoneForm form, ZoneRole role, Collection<Other> others, Set<String> localNames) {
        InvalidSettingsException.Collector errors = new InvalidSettingsException.Collector();
        if (SearchRule.LOCAL_ZONE.equalsIgnoreCase(form.getName())
                || SearchRule.DEFAULT_ZONE.equalsIgnoreCase(form.getName())
                || SearchRule.COLLABORATION_EDGE_ZONE.equalsIgnoreCase(form.getName())) {
            errors.reject("name", "is the name of a built-in zone");
        }
        for (Other o : others) {
            if (o.name().equalsIgnoreCase(form.getName())) {
                errors.reject("name", "a zone with this name already exists");
            }
            if (form.isForced() && o.type() == ZoneType.UNIFIED_COMMUNICATIONS_TRAVERSAL) {
                errors.reject("type", "only one Unified Communications traversal zone is allowed per node ("
                        + o.name() + " is one)");
            }
            if (role == ZoneRole.SERVER && o.role() == ZoneRole.SERVER && form.getPort() != null
                    && o.port() == form.getPort()) {
                errors.reject("port", "is already the port of traversal server zone " + o.name());
            }
        }
        if (form.isForced()) {
            if (form.getTransport() != Transport.TLS) {
                errors.reject("transport", "is always TLS for a Unified Communications traversal zone");
            }
            if (!form.isTlsVerify()) {
                errors.reject("tlsVerify", "is always On for a Unified Communications traversal zone");
            }
            if (form.getMediaEncryption() != MediaEncryption.FORCE_ENCRYPTED) {
                errors.reject("mediaEncryption",
                        "is always Force encrypted for a Unified Communications traversal zone");
            }
        }
        if (role.isTraversal() && form.getTransport() == Transport.UDP) {
            errors.reject("transport", "must be TCP or TLS for a traversal zone");
        }
        if (role.hasPeers() && form.getPeer1() == null) {
            errors.reject("peer1", "is required for this zone type");
        }
        if (role.hasUsername() && form.getUsername() == null) {
            errors.reject("username", "is required for this zone type");
        } else if (role == ZoneRole.SERVER && !localNames.contains(form.getUsername())) {
            errors.reject("username", "must be the name of a credential in the local authentication database");
        }
        if (role.hasPassword() && form.getPassword() == null && !form.isPasswordSet()) {
            errors.reject("password", "is required for this zone type");
        }
        if (role == ZoneRole.SERVER && form.isTlsVerify() && form.getTlsVerifySubjectName() == null) {
            errors.reject("tlsVerifySubjectName", "is required when TLS verify mode is On");
        }
        errors.throwIfAny();
    }
}
