package org.edgeway.engine.sip.message;

import java.util.List;

/**
 * A message the codec refuses; the only exception it throws. {@link #status()} is the response a server sends
 * (400, 505 for an unknown SIP version, 513 when too large). {@link #headers()} holds the header values of a
 * refused request, so the transport can answer it (it needs Via, From, To, Call-ID and CSeq); it is null for a
 * response or anything unreadable, which is dropped.
 */
public final class SipParseException extends Exception {

    private final int status;
    private final transient List<Header> headers;

    public SipParseException(String reason) {
        this(400, reason);
    }

    public SipParseException(int status, String reason) {
        this(status, reason, null);
    }

    private SipParseException(int status, String reason, List<Header> headers) {
        super(reason, null, false, false);
        this.status = status;
        this.headers = headers == null ? null : List.copyOf(headers);
    }

    /** The same failure, answerable with the headers of the refused request. */
    SipParseException answerable(List<Header> requestHeaders) {
        return new SipParseException(status, getMessage(), requestHeaders);
    }

    public int status() {
        return status;
    }

    public List<Header> headers() {
        return headers;
    }
}
