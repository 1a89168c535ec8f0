package org.edgeway.engine.stun;

/**
 * Error codes used by this server, with the reason phrases the RFCs give (RFC 8489 section 14.8, RFC 8656
 * section 19, RFC 6156).
 */
public final class StunErrorCode {

    /** "The client should contact an alternate server for this request." */
    public static final int TRY_ALTERNATE = 300;
    /** "The request was malformed." */
    public static final int BAD_REQUEST = 400;
    /** "The request did not contain the correct credentials to proceed." */
    public static final int UNAUTHENTICATED = 401;
    /** "The request was valid but cannot be performed due to administrative or similar restrictions." */
    public static final int FORBIDDEN = 403;
    /** "The server received a STUN packet containing a comprehension-required attribute that it did not understand." */
    public static final int UNKNOWN_ATTRIBUTE = 420;
    /** "A request was received by the server that requires an allocation to be in place, but no allocation exists,
     * or a request was received that requires no allocation, but an allocation exists." */
    public static final int ALLOCATION_MISMATCH = 437;
    /** "The NONCE used by the client was no longer valid." */
    public static final int STALE_NONCE = 438;
    /** "The server does not support the address family requested by the client." */
    public static final int ADDRESS_FAMILY_NOT_SUPPORTED = 440;
    /** "The credentials in the (non-Allocate) request do not match those used to create the allocation." */
    public static final int WRONG_CREDENTIALS = 441;
    /** "The Allocate request asked the server to use a transport protocol between the server and the peer that the
     * server does not support." */
    public static final int UNSUPPORTED_TRANSPORT_PROTOCOL = 442;
    /** "A peer address is part of a different address family than that of the relayed transport address of the
     * allocation." */
    public static final int PEER_ADDRESS_FAMILY_MISMATCH = 443;
    /** "No more allocations using this username can be created at the present time." */
    public static final int ALLOCATION_QUOTA_REACHED = 486;
    /** "The server has suffered a temporary error." */
    public static final int SERVER_ERROR = 500;
    /** "The server is unable to carry out the request due to some capacity limit being reached." */
    public static final int INSUFFICIENT_CAPACITY = 508;

    private StunErrorCode() {
    }

    public static String reason(int code) {
        return switch (code) {
            case TRY_ALTERNATE -> "Try Alternate";
            case BAD_REQUEST -> "Bad Request";
            case UNAUTHENTICATED -> "Unauthenticated";
            case FORBIDDEN -> "Forbidden";
            case UNKNOWN_ATTRIBUTE -> "Unknown Attribute";
            case ALLOCATION_MISMATCH -> "Allocation Mismatch";
            case STALE_NONCE -> "Stale Nonce";
            case ADDRESS_FAMILY_NOT_SUPPORTED -> "Address Family not Supported";
            case WRONG_CREDENTIALS -> "Wrong Credentials";
            case UNSUPPORTED_TRANSPORT_PROTOCOL -> "Unsupported Transport Protocol";
            case PEER_ADDRESS_FAMILY_MISMATCH -> "Peer Address Family Mismatch";
            case ALLOCATION_QUOTA_REACHED -> "Allocation Quota Reached";
            case SERVER_ERROR -> "Server Error";
            case INSUFFICIENT_CAPACITY -> "Insufficient Capacity";
            default -> "Error";
        };
    }
}
