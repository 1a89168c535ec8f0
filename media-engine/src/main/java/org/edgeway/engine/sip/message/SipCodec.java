package org.edgeway.engine.sip.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one SIP codec, for datagrams and streams alike (RFC 3261 7, 18.3, 25). Header text is read as ISO-8859-1 so
 * every octet survives a decode/encode round trip (UTF-8 in quoted strings and reason phrases included).
 *
 * <p>{@link #decode} takes one whole message: a datagram (body = the Content-Length octets, or the rest of the
 * datagram when absent; extra octets ignored, RFC 4475 3.1.1.8) or one frame a {@link #frameLength stream framer}
 * cut. It unfolds lines, splits comma lists, expands compact names, validates what the stack relies on, and throws
 * {@link SipParseException} (never anything else) for anything it refuses.
 */
public final class SipCodec {

    /** Size limits; a message beyond them is refused before it is parsed further. */
    public record Limits(int maxMessageSize, int maxHeaders, int maxLineLength) {
        public static final Limits DEFAULT = new Limits(65_535, 128, 8_192);
    }

    private static final Pattern RFC1123_GMT = Pattern.compile(
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} "
                    + "\\d{2}:\\d{2}:\\d{2} GMT");
    private static final long MAX_DELTA_SECONDS = (1L << 32) - 1;

    private final Limits limits;

    public SipCodec(Limits limits) {
        this.limits = limits;
    }

    public Limits limits() {
        return limits;
    }

    /**
     * Length of the complete message at the start of a stream buffer, or -1 if more octets are needed. Streams
     * must carry Content-Length (RFC 3261 18.3).
     *
     * @throws SipParseException the header section is too long, or Content-Length is missing or bad
     */
    public int frameLength(byte[] data, int off, int len) throws SipParseException {
        int end = headerEnd(data, off, len);
        if (end < 0) {
            if (len > limits.maxMessageSize()) {
                throw new SipParseException("header section exceeds " + limits.maxMessageSize() + " octets");
            }
            return -1;
        }
        String section = new String(data, off, end - off, StandardCharsets.ISO_8859_1);
        long body = -1;
        for (String line : lines(section)) {
            int colon = line.indexOf(':');
            if (colon > 0 && !Syntax.isWhitespace(line.charAt(0))) {
                String name = HeaderNames.canonical(line.substring(0, colon).trim());
                if (name.equals(HeaderNames.CONTENT_LENGTH)) {
                    body = Numbers.parse(line.substring(colon + 1), limits.maxMessageSize(),
                            HeaderNames.CONTENT_LENGTH);
                }
            }
        }
        if (body < 0) {
            throw new SipParseException("Content-Length required on a stream");
        }
        long total = (long) (end - off) + separatorLength(data, end) + body;
        if (total > limits.maxMessageSize()) {
            throw new SipParseException("message exceeds " + limits.maxMessageSize() + " octets");
        }
        return total <= len ? (int) total : -1;
    }

    public SipMessage decode(byte[] data) throws SipParseException {
        return decode(data, 0, data.length, true);
    }

    /**
     * Decodes one message.
     *
     * @param datagram true for UDP (body bounded by the datagram), false for a stream frame
     */
    public SipMessage decode(byte[] data, int off, int len, boolean datagram) throws SipParseException {
        if (len > limits.maxMessageSize()) {
            throw new SipParseException(513, "message exceeds " + limits.maxMessageSize() + " octets");
        }
        int end = headerEnd(data, off, len);
        if (end < 0) {
            throw new SipParseException("no empty line after the headers");
        }
        List<String> lines = lines(new String(data, off, end - off, StandardCharsets.ISO_8859_1));
        for (String line : lines) {
            if (line.length() > limits.maxLineLength()) {
                throw new SipParseException("line longer than " + limits.maxLineLength() + " octets");
            }
        }
        String startLine = lines.get(0);
        List<Header> headers = headers(lines);
        int bodyStart = end + separatorLength(data, end);
        int available = off + len - bodyStart;
        String cl = first(headers, HeaderNames.CONTENT_LENGTH);
        boolean request = !startLine.startsWith("SIP/");
        try {
            int bodyLength = available;
            if (cl != null) {
                long declared = Numbers.parse(cl, Integer.MAX_VALUE, HeaderNames.CONTENT_LENGTH);
                if (declared > available) {
                    throw new SipParseException("Content-Length " + declared + " larger than the body ("
                            + available + " octets)");
                }
                bodyLength = (int) declared;
            } else if (!datagram) {
                throw new SipParseException("Content-Length required on a stream");
            }
            byte[] body = Arrays.copyOfRange(data, bodyStart, bodyStart + bodyLength);
            SipMessage message = request ? request(startLine, headers, body) : response(startLine, headers, body);
            validate(message);
            return message;
        } catch (SipParseException e) {
            throw request ? e.answerable(headers) : e;
        }
    }

    public byte[] encode(SipMessage m) {
        StringBuilder b = new StringBuilder(256 + m.headers().size() * 40);
        if (m.isRequest()) {
            b.append(m.method()).append(' ').append(m.requestUri().text()).append(' ').append(SipMessage.VERSION);
        } else {
            b.append(SipMessage.VERSION).append(' ').append(m.status()).append(' ').append(m.reason());
        }
        b.append("\r\n");
        for (Header h : m.headers()) {
            if (!h.name().equals(HeaderNames.CONTENT_LENGTH)) {
                b.append(h.name()).append(": ").append(h.value()).append("\r\n");
            }
        }
        b.append(HeaderNames.CONTENT_LENGTH).append(": ").append(m.body().length).append("\r\n\r\n");
        byte[] head = b.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = Arrays.copyOf(head, head.length + m.body().length);
        System.arraycopy(m.body(), 0, out, head.length, m.body().length);
        return out;
    }

    /**
     * The lines of a header section split at LF or CRLF (one CR before the LF removed), the last line kept even
     * when empty: what {@code split("\\r?\\n", -1)} gives, without compiling a pattern per message.
     */
    static List<String> lines(String section) {
        List<String> lines = new ArrayList<>(16);
        int start = 0;
        for (int lf = section.indexOf('\n'); lf >= 0; lf = section.indexOf('\n', start)) {
            lines.add(section.substring(start, lf > start && section.charAt(lf - 1) == '\r' ? lf - 1 : lf));
            start = lf + 1;
        }
        lines.add(section.substring(start));
        return lines;
    }

    /** Index of the line break that ends the header section (CRLFCRLF, or bare LFLF), or -1. */
    private static int headerEnd(byte[] data, int off, int len) {
        for (int i = off; i < off + len - 1; i++) {
            if (data[i] == '\n') {
                if (data[i + 1] == '\n') {
                    return i;
                }
                if (data[i + 1] == '\r' && i + 2 < off + len && data[i + 2] == '\n') {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The last header line's break sits at {@code end}; the separator is "\n\r\n" or "\n\n". */
    private static int separatorLength(byte[] data, int end) {
        return data[end + 1] == '\r' ? 3 : 2;
    }

    private List<Header> headers(List<String> lines) throws SipParseException {
        List<String> unfolded = new ArrayList<>(lines.size());
        for (int i = 1; i < lines.size(); i++) {
            String raw = lines.get(i);
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (!line.isEmpty() && Syntax.isWhitespace(line.charAt(0))) {
                if (unfolded.isEmpty()) {
                    throw new SipParseException("continuation line before any header");
                }
                int last = unfolded.size() - 1;
                unfolded.set(last, unfolded.get(last) + " " + line.trim());
            } else {
                unfolded.add(line);
            }
        }
        List<Header> headers = new ArrayList<>();
        for (String line : unfolded) {
            int colon = line.indexOf(':');
            String name = colon < 0 ? "" : line.substring(0, colon).trim();
            if (!Syntax.isToken(name)) {
                throw new SipParseException("bad header line: " + Syntax.shorten(line));
            }
            String canonical = HeaderNames.canonical(name);
            String value = line.substring(colon + 1).trim();
            if (HeaderNames.isList(canonical) && !value.isEmpty()) {
                for (String element : Lists.split(value)) {
                    headers.add(new Header(canonical, element)); // an empty one fails validation, answerably
                }
            } else {
                headers.add(new Header(canonical, value));
            }
            if (headers.size() > limits.maxHeaders()) {
                throw new SipParseException("more than " + limits.maxHeaders() + " headers");
            }
        }
        return headers;
    }

    private static SipMessage request(String startLine, List<Header> headers, byte[] body)
            throws SipParseException {
        String[] parts = startLine.split(" ", -1);
        if (parts.length != 3) {
            throw new SipParseException("Request-Line must be Method SP Request-URI SP SIP-Version");
        }
        if (!Syntax.isToken(parts[0])) {
            throw new SipParseException("bad method: " + Syntax.shorten(parts[0]));
        }
        if (!parts[2].equals(SipMessage.VERSION)) {
            if (parts[2].startsWith("SIP/")) {
                throw new SipParseException(505, "SIP version not supported: " + Syntax.shorten(parts[2]));
            }
            throw new SipParseException("bad SIP version: " + Syntax.shorten(parts[2]));
        }
        SipUri uri = SipUri.parse(parts[1]);
        if (uri.isSip() && uri.headers() != null) {
            throw new SipParseException("headers are not allowed in a Request-URI");
        }
        return SipMessage.request(parts[0], uri, headers, body);
    }

    private static SipMessage response(String startLine, List<Header> headers, byte[] body)
            throws SipParseException {
        if (!startLine.startsWith(SipMessage.VERSION + " ") || startLine.length() < 11) {
            throw new SipParseException("bad Status-Line");
        }
        String code = startLine.substring(8, 11);
        if (!code.chars().allMatch(ch -> ch >= '0' && ch <= '9')
                || startLine.length() > 11 && startLine.charAt(11) != ' ') {
            throw new SipParseException("bad status code");
        }
        int status = Integer.parseInt(code);
        if (status < 100 || status > 699) {
            throw new SipParseException("status code out of range: " + status);
        }
        return SipMessage.response(status, startLine.length() > 12 ? startLine.substring(12) : "", headers, body);
    }

    private static void validate(SipMessage m) throws SipParseException {
        for (String name : List.of(HeaderNames.FROM, HeaderNames.TO, HeaderNames.CALL_ID, HeaderNames.CSEQ)) {
            int n = m.headers(name).size();
            if (n != 1) {
                throw new SipParseException(n == 0 ? "missing " + name : "more than one " + name);
            }
        }
        if (m.callId().isEmpty()) {
            throw new SipParseException("empty Call-ID");
        }
        List<String> vias = m.headers(HeaderNames.VIA);
        if (vias.isEmpty()) {
            throw new SipParseException("missing Via");
        }
        Via top = Via.parse(vias.get(0));
        for (int i = 1; i < vias.size(); i++) {
            Via.parse(vias.get(i));
        }
        NameAddr from = NameAddr.parse(m.header(HeaderNames.FROM), HeaderNames.FROM);
        NameAddr to = NameAddr.parse(m.header(HeaderNames.TO), HeaderNames.TO);
        CSeq cseq = CSeq.parse(m.header(HeaderNames.CSEQ));
        m.parsed(top, from, to, cseq);
        if (m.isRequest() && !cseq.method().equals(m.method())) {
            throw new SipParseException("CSeq method " + Syntax.shorten(cseq.method())
                    + " does not match the request method");
        }
        for (String name : List.of(HeaderNames.ROUTE, HeaderNames.RECORD_ROUTE, HeaderNames.PATH)) {
            for (String v : m.headers(name)) {
                NameAddr.parse(v, name);
            }
        }
        List<String> contacts = m.headers(HeaderNames.CONTACT);
        for (String v : contacts) {
            if (v.equals("*") && contacts.size() == 1) {
                continue;
            }
            NameAddr contact = NameAddr.parse(v, HeaderNames.CONTACT);
            String expires = contact.params().get("expires");
            if (expires != null) {
                Numbers.parse(expires, MAX_DELTA_SECONDS, "Contact expires");
            }
        }
        for (String v : m.headers(HeaderNames.MAX_FORWARDS)) {
            Numbers.parse(v, 255, HeaderNames.MAX_FORWARDS);
        }
        for (String v : m.headers(HeaderNames.EXPIRES)) {
            Numbers.parse(v, MAX_DELTA_SECONDS, HeaderNames.EXPIRES);
        }
        for (String v : m.headers(HeaderNames.DATE)) {
            if (!RFC1123_GMT.matcher(v).matches()) {
                throw new SipParseException("Date must be an RFC 1123 date in GMT");
            }
        }
    }

    private static String first(List<Header> headers, String name) {
        for (Header h : headers) {
            if (h.name().equals(name)) {
                return h.value();
            }
        }
        return null;
    }
}
