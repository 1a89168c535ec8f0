package org.edgeway.services.security;

/**
 * The node's server certificate and key (the one the console serves over HTTPS, created at first start by
 * edgeway.sh): every engine service that speaks TLS (TURN over TLS, SIP TLS and traversal) is handed this file.
 * Replacing the file is picked up live by the services.
 */
public final class NodeCertificate {

    /** The node's data directory and the password of its server keystore (set by edgeway.sh). */
    static final String DATA_DIR_PROPERTY = "edgeway.data.dir";
    static final String TLS_PASSWORD_PROPERTY = "edgeway.tls.password";

    private NodeCertificate() {
    }

    /** The PKCS12 file with the node's key and certificate. */
    public static String keyStorePath() {
        return System.getProperty(DATA_DIR_PROPERTY, ".") + "/tls/https.p12";
    }

    public static String keyStorePassword() {
        return System.getProperty(TLS_PASSWORD_PROPERTY);
    }
}
