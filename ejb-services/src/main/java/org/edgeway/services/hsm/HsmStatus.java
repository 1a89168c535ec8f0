package org.edgeway.services.hsm;

import java.io.Serializable;
import java.util.List;

/**
 * The HSM Status check section (P47.S01-S05), shown while HSM Mode is not Off. Each FALSE or Failed row comes with
 * the reason and raises its alarm.
 *
 * @param serverRunning      PKCS#11: the library loads, the slot exists and the PIN logs in (checked in a fresh
 *                           process); nShield: never (no nShield client)
 * @param certificateInUse   the HTTPS listener presents the token's certificate, so its handshakes are signed by
 *                           the token's key
 */
public record HsmStatus(HsmMode mode, boolean serverRunning, String serverDetail, boolean certificateInUse,
        String certificateDetail, List<ModuleStatus> modules) implements Serializable {

    /** A module row: ESN, Connection Status, Hardware Status (OK / Failed) and why. */
    public record ModuleStatus(String esn, String connectionStatus, String hardwareStatus, String detail)
            implements Serializable {
    }
}
