package org.edgeway.engine.calls;

/**
 * The "ICE Passthrough call type" of a call detail record (X14.3 spelling), read from the signalling: the candidate
 * types of the pair the endpoints nominated, or {@link #NONE} when the call stayed on the B2BUA path.
 */
public enum IcePassthroughCallType {
    NONE("none"),
    HOST_TO_HOST("host_to_host"),
    HOST_TO_SRFLX("host_to_srflx"),
    HOST_TO_RELAY("host_to_relay"),
    SRFLX_TO_SRFLX("srflx_to_srflx"),
    SRFLX_TO_RELAY("srflx_to_relay"),
    RELAY_TO_RELAY("relay_to_relay");

    private final String label;

    IcePassthroughCallType(String label) {
        this.label = label;
    }

    /** As the call detail record and the metrics CSV spell it. */
    public String label() {
        return label;
    }

    /** True when media left the nodes (an optimised ICE path). */
    public boolean optimised() {
        return this != NONE;
    }
}
