package org.edgeway.services.certificates;

/**
 * How one alternative name goes into the certificate request (Generate CSR's "Format" choices): a DNS name, an
 * XMPP address (RFC 6120 id-on-xmppAddr otherName) or an SRV name (RFC 4985 id-on-dnsSRV otherName).
 */
public enum SanFormat {
    DNS("DNS", "DNS"),
    XMPP_ADDRESS("XMPPAddress", "XMPP"),
    SRV_NAME("SRVName", "SRV");

    private final String label;
    private final String prefix;

    SanFormat(String label, String prefix) {
        this.label = label;
        this.prefix = prefix;
    }

    /** As the page's Format menu shows it. */
    public String label() {
        return label;
    }

    /** As "Alternative name as it will appear" shows it ("DNS:name"). */
    public String prefix() {
        return prefix;
    }
}
