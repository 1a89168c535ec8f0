package org.edgeway.engine.calls;

/** Media encryption of one leg, as the call detail record shows it. */
public enum MediaEncryption {
    NONE("None"),
    /** SDES-SRTP (RFC 4568), AES_CM_128_HMAC_SHA1_80. */
    SRTP("SRTP");

    private final String label;

    MediaEncryption(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
