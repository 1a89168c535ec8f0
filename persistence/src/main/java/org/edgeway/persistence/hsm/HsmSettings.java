package org.edgeway.persistence.hsm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * Maintenance &gt; Security &gt; HSM configuration: the one row of settings. {@code mode} is the HSM Mode the last
 * Set Mode applied ({@code OFF}, {@code NSHIELD}, {@code PKCS11}); the PKCS#11 PIN is stored encrypted.
 */
@Entity
@Table(name = "hsm_settings")
public class HsmSettings {

    public static final int SINGLETON_ID = 1;

    @Id
    private Integer id;
    @Column(nullable = false)
    private String mode;
    @Column(name = "rfs_address")
    private String rfsAddress;
    @Column(name = "rfs_port", nullable = false)
    private int rfsPort;
    @Column(name = "pkcs11_library")
    private String pkcs11Library;
    @Column(name = "pkcs11_slot")
    private Long pkcs11Slot;
    @Column(name = "pkcs11_pin_encrypted")
    private String pkcs11PinEncrypted;
    @Version
    private long version;

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getRfsAddress() {
        return rfsAddress;
    }

    public void setRfsAddress(String rfsAddress) {
        this.rfsAddress = rfsAddress;
    }

    public int getRfsPort() {
        return rfsPort;
    }

    public void setRfsPort(int rfsPort) {
        this.rfsPort = rfsPort;
    }

    public String getPkcs11Library() {
        return pkcs11Library;
    }

    public void setPkcs11Library(String pkcs11Library) {
        this.pkcs11Library = pkcs11Library;
    }

    public Long getPkcs11Slot() {
        return pkcs11Slot;
    }

    public void setPkcs11Slot(Long pkcs11Slot) {
        this.pkcs11Slot = pkcs11Slot;
    }

    public String getPkcs11PinEncrypted() {
        return pkcs11PinEncrypted;
    }

    public void setPkcs11PinEncrypted(String pkcs11PinEncrypted) {
        this.pkcs11PinEncrypted = pkcs11PinEncrypted;
    }
}
