package org.edgeway.services.system;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import org.edgeway.engine.NodeRole;
import org.edgeway.engine.SystemSize;

/** System > Administration: node role, system size, session timeout and the automated protection service. */
public class AdministrationSettings implements Serializable {

    public static final int DEFAULT_SESSION_TIMEOUT_MINUTES = 30;

    @NotNull
    private NodeRole nodeRole = NodeRole.EXPRESSWAY_C;
    @NotNull
    private SystemSize systemSize = SystemSize.SMALL;
    @Min(value = 1, message = "must be between 1 and 1440 minutes")
    @Max(value = 1440, message = "must be between 1 and 1440 minutes")
    private int sessionTimeoutMinutes = DEFAULT_SESSION_TIMEOUT_MINUTES;
    /** On for new installs (seed 001: "running by default"). */
    private boolean automatedProtection = true;

    /** The role's constant name, for callers that may not see engine types (the REST API). */
    public String getNodeRoleName() {
        return getNodeRole() == null ? null : getNodeRole().name();
    }

    /** The size's constant name, for callers that may not see engine types (the REST API). */
    public String getSystemSizeName() {
        return getSystemSize() == null ? null : getSystemSize().name();
    }

    public NodeRole getNodeRole() {
        return nodeRole;
    }

    public void setNodeRole(NodeRole nodeRole) {
        this.nodeRole = nodeRole;
    }

    public SystemSize getSystemSize() {
        return systemSize;
    }

    public void setSystemSize(SystemSize systemSize) {
        this.systemSize = systemSize;
    }

    public int getSessionTimeoutMinutes() {
        return sessionTimeoutMinutes;
    }

    public void setSessionTimeoutMinutes(int sessionTimeoutMinutes) {
        this.sessionTimeoutMinutes = sessionTimeoutMinutes;
    }

    public boolean isAutomatedProtection() {
        return automatedProtection;
    }

    public void setAutomatedProtection(boolean automatedProtection) {
        this.automatedProtection = automatedProtection;
    }
}
