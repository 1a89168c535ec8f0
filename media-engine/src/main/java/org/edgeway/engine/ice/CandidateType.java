package org.edgeway.engine.ice;

/** The {@code typ} of an ICE candidate (RFC 8445 5.1.1, RFC 8839 5.1). */
public enum CandidateType {
    /** An address of one of the endpoint's interfaces. */
    HOST("host"),
    /** Its address as a STUN server saw it (a NAT's mapping). */
    SRFLX("srflx"),
    /** Its address as the peer saw it during the connectivity checks (a mapping learnt in band). */
    PRFLX("prflx"),
    /** An address on a TURN server relaying for it. */
    RELAY("relay");

    private final String token;

    CandidateType(String token) {
        this.token = token;
    }

    /** As RFC 8839 writes it after {@code typ}. */
    public String token() {
        return token;
    }

    /** The type of a {@code typ} token, or null for an extension type this node does not know. */
    static CandidateType of(String token) {
        for (CandidateType t : values()) {
            if (t.token.equals(token)) {
                return t;
            }
        }
        return null;
    }
}
