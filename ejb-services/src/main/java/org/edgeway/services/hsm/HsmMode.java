package org.edgeway.services.hsm;

/** HSM Mode as the page's drop-down lists it: Off, the seed's nShield, and a PKCS#11 token (beyond the seed). */
public enum HsmMode {
    OFF("Off"),
    NSHIELD("nShield"),
    PKCS11("PKCS#11");

    private final String label;

    HsmMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
