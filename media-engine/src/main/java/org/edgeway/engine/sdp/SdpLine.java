package org.edgeway.engine.sdp;

/**
 * One {@code <type>=<value>} line of a session description (RFC 8866 5), kept as written.
 *
 * @param type  the one-letter type (v, o, s, c, t, m, a ...)
 * @param value everything after the '='
 */
public record SdpLine(char type, String value) {

    /** An a= line: its attribute name (before the first ':'), else null. */
    public String attributeName() {
        if (type != 'a') {
            return null;
        }
        int colon = value.indexOf(':');
        return colon < 0 ? value : value.substring(0, colon);
    }

    /** An a= line's value after the ':' (null for a property attribute such as {@code a=sendrecv}). */
    public String attributeValue() {
        int colon = value.indexOf(':');
        return type != 'a' || colon < 0 ? null : value.substring(colon + 1);
    }

    static SdpLine attribute(String name, String value) {
        return new SdpLine('a', value == null ? name : name + ":" + value);
    }

    @Override
    public String toString() {
        return type + "=" + value;
    }
}
