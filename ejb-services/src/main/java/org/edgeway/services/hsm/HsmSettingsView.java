package org.edgeway.services.hsm;

import java.io.Serializable;

/** The HSM settings as stored; the PIN only as whether one is set. */
public record HsmSettingsView(HsmMode mode, String rfsAddress, int rfsPort, String library, Long slot,
        boolean pinSet) implements Serializable {
}
