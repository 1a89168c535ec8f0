package org.edgeway.services.hsm;

import java.io.Serializable;

/**
 * HSM Settings as Save Configuration takes them: the nShield RFS and the PKCS#11 token. The PIN is write-only: blank
 * keeps the stored one.
 */
public class HsmSettingsForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String rfsAddress;
    private Integer rfsPort = HsmRules.DEFAULT_RFS_PORT;
    private String library;
    private String slot;
    private String pin;

    public String getRfsAddress() {
        return rfsAddress;
    }

    public void setRfsAddress(String rfsAddress) {
        this.rfsAddress = rfsAddress;
    }

    public Integer getRfsPort() {
        return rfsPort;
    }

    public void setRfsPort(Integer rfsPort) {
        this.rfsPort = rfsPort;
    }

    public String getLibrary() {
        return library;
    }

    public void setLibrary(String library) {
        this.library = library;
    }

    /** The PKCS#11 slot ID, as typed (checked by {@link HsmRules}). */
    public String getSlot() {
        return slot;
    }

    public void setSlot(String slot) {
        this.slot = slot;
    }

    public String getPin() {
        return pin;
    }

    public void setPin(String pin) {
        this.pin = pin;
    }
}
