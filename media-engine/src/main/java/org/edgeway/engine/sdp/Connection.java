package org.edgeway.engine.sdp;

/**
 * A c= line (RFC 8866 5.7): {@code IN IP4 192.0.2.1}. Multicast TTL and address counts are kept in the address.
 */
public record Connection(String networkType, String addressType, String address) {

    static Connection parse(String value) throws SdpParseException {
        String[] p = value.split(" ", -1);
        if (p.length != 3 || p[0].isEmpty() || p[1].isEmpty() || p[2].isEmpty()) {
            throw new SdpParseException("c= needs <nettype> <addrtype> <address>: " + value);
        }
        return new Connection(p[0], p[1], p[2]);
    }

    /** The connection of an address: {@code IN IP4 a} or {@code IN IP6 a}. */
    public static Connection of(String address) {
        return new Connection("IN", address.indexOf(':') >= 0 ? "IP6" : "IP4", address);
    }

    String value() {
        return networkType + " " + addressType + " " + address;
    }
}
