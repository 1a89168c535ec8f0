package org.edgeway.engine.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * One media section (RFC 8866 5.14): its m= line and the lines under it (i, c, b, k, a) in order.
 *
 * @param media     audio, video, application ...
 * @param port      transport port (0 = the stream is rejected or disabled)
 * @param portCount the {@code /<number of ports>} of the m= line, 0 when absent
 * @param proto     RTP/AVP, RTP/SAVP, UDP/TLS/RTP/SAVPF ...
 * @param formats   payload types or format names, at least one
 * @param lines     the section's other lines, as written
 */
public record MediaDescription(String media, int port, int portCount, String proto, List<String> formats,
        List<SdpLine> lines) {

    public MediaDescription {
        formats = List.copyOf(formats);
        lines = List.copyOf(lines);
    }

    static MediaDescription parse(String value, List<SdpLine> lines) throws SdpParseException {
        String[] p = value.split(" ", -1);
        if (p.length < 4) {
            throw new SdpParseException("m= needs <media> <port> <proto> <fmt>...: " + value);
        }
        for (String token : p) {
            if (token.isEmpty()) {
                throw new SdpParseException("m= has an empty field: " + value);
            }
        }
        String portField = p[1];
        int slash = portField.indexOf('/');
        int port = SdpCodec.number(slash < 0 ? portField : portField.substring(0, slash), 65535, "m= port");
        int count = slash < 0 ? 0 : SdpCodec.number(portField.substring(slash + 1), 65535, "m= port count");
        return new MediaDescription(p[0], port, count, p[2], List.of(p).subList(3, p.length), lines);
    }

    String mediaLine() {
        return media + " " + port + (portCount > 0 ? "/" + portCount : "") + " " + proto + " "
                + String.join(" ", formats);
    }

    /** The section's own c= line, or null (the session's applies). */
    public Connection connection() throws SdpParseException {
        for (SdpLine l : lines) {
            if (l.type() == 'c') {
                return Connection.parse(l.value());
            }
        }
        return null;
    }

    /** Values of the a= lines with this name, in order (empty string for a property attribute). */
    public List<String> attributes(String name) {
        List<String> out = new ArrayList<>();
        for (SdpLine l : lines) {
            if (name.equals(l.attributeName())) {
                String v = l.attributeValue();
                out.add(v == null ? "" : v);
            }
        }
        return out;
    }

    /** The first value of an attribute, or null. */
    public String attribute(String name) {
        List<String> values = attributes(name);
        return values.isEmpty() ? null : values.get(0);
    }

    /** A copy with another transport protocol (RTP/AVP for RTP/SAVP when a leg is not encrypted ...). */
    public MediaDescription withProto(String newProto) {
        return new MediaDescription(media, port, portCount, newProto, formats, lines);
    }

    /** A copy on another port. */
    public MediaDescription withPort(int newPort) {
        return new MediaDescription(media, newPort, portCount, proto, formats, lines);
    }

    /**
     * A copy whose c= line (if the section has one) names another address; when it has none the session's applies.
     */
    public MediaDescription withConnection(Connection connection) {
        List<SdpLine> next = new ArrayList<>();
        for (SdpLine l : lines) {
            next.add(l.type() == 'c' ? new SdpLine('c', connection.value()) : l);
        }
        return new MediaDescription(media, port, portCount, proto, formats, next);
    }

    /** A copy with every a= line of this name replaced by one (value null drops them all). */
    public MediaDescription withAttribute(String name, String value) {
        List<SdpLine> next = new ArrayList<>();
        boolean placed = false;
        for (SdpLine l : lines) {
            if (!name.equals(l.attributeName())) {
                next.add(l);
            } else if (!placed && value != null) {
                next.add(SdpLine.attribute(name, value));
                placed = true;
            }
        }
        return new MediaDescription(media, port, portCount, proto, formats, next);
    }

    /** A copy with one more a= line at the end of the section. */
    public MediaDescription withAddedAttribute(String name, String value) {
        List<SdpLine> next = new ArrayList<>(lines);
        next.add(SdpLine.attribute(name, value));
        return new MediaDescription(media, port, portCount, proto, formats, next);
    }

    /** A copy without the a= lines of these names (ICE or crypto lines a relay must not pass on). */
    public MediaDescription withoutAttributes(List<String> names) {
        List<SdpLine> next = new ArrayList<>();
        for (SdpLine l : lines) {
            if (l.type() != 'a' || !names.contains(l.attributeName())) {
                next.add(l);
            }
        }
        return new MediaDescription(media, port, portCount, proto, formats, next);
    }
}
