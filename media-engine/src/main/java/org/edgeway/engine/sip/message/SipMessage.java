package org.edgeway.engine.sip.message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A SIP request or response: start line, header values in received order (comma lists split, names canonical) and
 * body. Mutable so a proxy can edit its own copy ({@link #copy()}); the codec validates the headers it parses
 * typed, so the typed accessors of a decoded message do not fail.
 */
public final class SipMessage {

    public static final String VERSION = "SIP/2.0";

    private final String method;
    private SipUri requestUri;
    private final int status;
    private final String reason;
    private final List<Header> headers;
    private byte[] body;
    // the typed headers every transaction reads several times, parsed once; dropped when a header changes
    private Via topVia;
    private NameAddr from;
    private NameAddr to;
    private CSeq cseq;

    private SipMessage(String method, SipUri requestUri, int status, String reason, List<Header> headers,
            byte[] body) {
        this.method = method;
        this.requestUri = requestUri;
        this.status = status;
        this.reason = reason;
        this.headers = new ArrayList<>(headers);
        this.body = body == null ? new byte[0] : body;
    }

    public static SipMessage request(String method, SipUri uri, List<Header> headers, byte[] body) {
        return new SipMessage(method, uri, 0, null, headers, body);
    }

    public static SipMessage response(int status, String reason, List<Header> headers, byte[] body) {
        return new SipMessage(null, null, status, reason, headers, body);
    }

    public SipMessage copy() {
        SipMessage copy = new SipMessage(method, requestUri, status, reason, headers, body.clone());
        copy.parsed(topVia, from, to, cseq);
        return copy;
    }

    public boolean isRequest() {
        return method != null;
    }

    public String method() {
        return method;
    }

    public SipUri requestUri() {
        return requestUri;
    }

    public void setRequestUri(SipUri uri) {
        this.requestUri = uri;
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public byte[] body() {
        return body;
    }

    public void setBody(byte[] body) {
        this.body = body;
    }

    /** The headers in order, read-only (changes go through the methods below, which keep the parsed ones right). */
    public List<Header> headers() {
        return Collections.unmodifiableList(headers);
    }

    /** The codec hands over what it parsed while validating. */
    void parsed(Via top, NameAddr fromValue, NameAddr toValue, CSeq cseqValue) {
        this.topVia = top;
        this.from = fromValue;
        this.to = toValue;
        this.cseq = cseqValue;
    }

    private void changed() {
        topVia = null;
        from = null;
        to = null;
        cseq = null;
    }

    /** First value of a header (canonical name), or null. */
    public String header(String name) {
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return null;
    }

    public List<String> headers(String name) {
        List<String> values = new ArrayList<>();
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                values.add(h.value());
            }
        }
        return values;
    }

    public void addHeader(String name, String value) {
        headers.add(new Header(name, value));
        changed();
    }

    /** Adds a value before the first value of the same header (Via, Record-Route), or at the top. */
    public void pushHeader(String name, String value) {
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).name().equalsIgnoreCase(name)) {
                headers.add(i, new Header(name, value));
                changed();
                return;
            }
        }
        headers.add(0, new Header(name, value));
        changed();
    }

    /** Removes the first value of a header; returns it or null. */
    public String popHeader(String name) {
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).name().equalsIgnoreCase(name)) {
                changed();
                return headers.remove(i).value();
            }
        }
        return null;
    }

    /** Replaces the top Via value (received/rport stamped), keeping the other parsed headers. */
    public void setTopVia(Via via) {
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).name().equalsIgnoreCase(HeaderNames.VIA)) {
                headers.set(i, new Header(HeaderNames.VIA, via.toString()));
                topVia = via;
                return;
            }
        }
        throw new IllegalStateException("no Via to replace");
    }

    public void removeHeaders(String name) {
        headers.removeIf(h -> h.name().equalsIgnoreCase(name));
        changed();
    }

    public void setHeader(String name, String value) {
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).name().equalsIgnoreCase(name)) {
                headers.set(i, new Header(name, value));
                headers.subList(i + 1, headers.size()).removeIf(h -> h.name().equalsIgnoreCase(name));
                changed();
                return;
            }
        }
        headers.add(new Header(name, value));
        changed();
    }

    // typed accessors of headers the codec validated

    public Via topVia() {
        Via v = topVia;
        if (v == null) {
            v = parse(() -> Via.parse(header(HeaderNames.VIA)));
            topVia = v;
        }
        return v;
    }

    public List<Via> vias() {
        List<Via> vias = new ArrayList<>();
        for (String v : headers(HeaderNames.VIA)) {
            vias.add(parse(() -> Via.parse(v)));
        }
        return vias;
    }

    public NameAddr from() {
        NameAddr v = from;
        if (v == null) {
            v = parse(() -> NameAddr.parse(header(HeaderNames.FROM), HeaderNames.FROM));
            from = v;
        }
        return v;
    }

    public NameAddr to() {
        NameAddr v = to;
        if (v == null) {
            v = parse(() -> NameAddr.parse(header(HeaderNames.TO), HeaderNames.TO));
            to = v;
        }
        return v;
    }

    public String callId() {
        return header(HeaderNames.CALL_ID);
    }

    public CSeq cseq() {
        CSeq v = cseq;
        if (v == null) {
            v = parse(() -> CSeq.parse(header(HeaderNames.CSEQ)));
            cseq = v;
        }
        return v;
    }

    /** Max-Forwards, or -1 when absent. */
    public int maxForwards() {
        String v = header(HeaderNames.MAX_FORWARDS);
        return v == null ? -1 : Integer.parseInt(v.trim());
    }

    /** Name-addr values of a list header (Contact, Route, Record-Route, Path). "*" Contacts are skipped. */
    public List<NameAddr> nameAddrs(String name) {
        List<NameAddr> list = new ArrayList<>();
        for (String v : headers(name)) {
            if (!v.equals("*")) {
                list.add(parse(() -> NameAddr.parse(v, name)));
            }
        }
        return list;
    }

    private interface Parse<T> {
        T get() throws SipParseException;
    }

    private static <T> T parse(Parse<T> p) {
        try {
            return p.get();
        } catch (SipParseException | NullPointerException e) {
            throw new IllegalStateException("header not validated by the codec: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return isRequest() ? method + " " + requestUri : status + " " + reason;
    }
}
