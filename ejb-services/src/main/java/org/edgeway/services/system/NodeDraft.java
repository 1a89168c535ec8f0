package org.edgeway.services.system;

import org.edgeway.engine.NodeRole;
import org.edgeway.engine.NodeSettings;
import org.edgeway.engine.SystemSize;

/** Collects the stored system settings the engine takes (the engine builder of {@link SystemSettingLists}). */
final class NodeDraft {
    NodeRole role;
    SystemSize size;
    String hostName;
    String domainName;

    void role(String name) {
        role = NodeRole.valueOf(name);
    }

    void size(String name) {
        size = SystemSize.valueOf(name);
    }

    void hostName(String name) {
        hostName = name;
    }

    void domainName(String name) {
        domainName = name;
    }

    /** The node as the engine sees it: host name and domain joined, "edgeway" before DNS is set. */
    NodeSettings build(String bindAddress) {
        String host = hostName == null ? "edgeway" : domainName == null ? hostName : hostName + "." + domainName;
        return new NodeSettings(role, size, host, bindAddress);
    }
}
