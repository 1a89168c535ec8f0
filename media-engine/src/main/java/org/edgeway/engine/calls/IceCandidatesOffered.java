package org.edgeway.engine.calls;

/**
 * Which endpoints of a call put ICE candidates in their SDP (the offer and the answer as they reached this node),
 * for the "Advanced" rows of the ICE passthrough metrics.
 */
public enum IceCandidatesOffered {
    /** Neither: "Calls without ICE candidates". */
    NONE,
    /** The offer or the answer, not both: "Calls with ICE candidates offered by one endpoint". */
    ONE_ENDPOINT,
    /** Both: "Calls attempted with offered ICE candidates". */
    BOTH;

    /** From whether the offer and the answer carried candidates. */
    public static IceCandidatesOffered of(boolean offer, boolean answer) {
        return offer && answer ? BOTH : offer || answer ? ONE_ENDPOINT : NONE;
    }
}
