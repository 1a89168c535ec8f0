package org.edgeway.engine.sdp;

/** A session description that does not follow RFC 8866; the proxy answers it with 488 (or 400). */
public final class SdpParseException extends Exception {

    private static final long serialVersionUID = 1L;

    public SdpParseException(String message) {
        super(message);
    }
}
