package org.edgeway.services.system;

/** NTP server authentication method (System > Time; seed 001 "Configure Time"). */
public enum NtpAuthentication {
    /** "No authentication is used." */
    DISABLED("Disabled"),
    /** Key ID, hash method and pass phrase must be given. */
    SYMMETRIC_KEY("Symmetric key"),
    /** "Uses an automatically generated private key." */
    PRIVATE_KEY("Private key");

    private final String label;

    NtpAuthentication(String label) {
        this.label = label;
    }

    public String getLabel() {
        return label;
    }
}
