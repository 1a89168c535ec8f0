package org.edgeway.engine.b2bua;

/**
 * What the B2BUA does with a call's ICE (seed 000; B-ICEP-02/05/06/07). ICE Passthrough support takes precedence
 * over ICE Support, and this node does not run ICE itself, so ICE Support alone changes nothing here.
 */
enum IcePassthroughMode {
    /** The zones do not pass ICE through: candidates are removed and the endpoints see only this node. */
    OFF,
    /**
     * ICE passthrough support is On on the zones the call crosses here and both legs are signalled over TLS:
     * candidates and keys reach the other endpoint unchanged, the default c=/m= address stays this node's.
     */
    ON,
    /** Configured for passthrough, but a leg is not TLS: its keys and candidates never go onto that leg. */
    WITHOUT_TLS;

    static IcePassthroughMode of(boolean configured, boolean tls) {
        return !configured ? OFF : tls ? ON : WITHOUT_TLS;
    }
}
