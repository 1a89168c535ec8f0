package org.edgeway.engine.stun.attribute;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * The address family octet of MAPPED-ADDRESS style attributes (RFC 8489 section 14.1: "0x01:IPv4, 0x02:IPv6") and
 * of REQUESTED-ADDRESS-FAMILY / ADDITIONAL-ADDRESS-FAMILY (RFC 8656 sections 18.8 and 18.11).
 */
public enum AddressFamily {
    IPV4(0x01, 4),
    IPV6(0x02, 16);

    private final int code;
    private final int addressLength;

    AddressFamily(int code, int addressLength) {
        this.code = code;
        this.addressLength = addressLength;
    }

    public int code() {
        return code;
    }

    public int addressLength() {
        return addressLength;
    }

    /** The family for a wire code, or null if unknown. */
    public static AddressFamily of(int code) {
        return switch (code) {
            case 0x01 -> IPV4;
            case 0x02 -> IPV6;
            default -> null;
        };
    }

    /** The family of a Java address (an IPv4-mapped {@code Inet6Address} stays IPv6). */
    public static AddressFamily of(InetAddress address) {
        return address instanceof Inet4Address ? IPV4 : IPV6;
    }
}
