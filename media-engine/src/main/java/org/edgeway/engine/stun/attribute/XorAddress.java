package org.edgeway.engine.stun.attribute;

import org.edgeway.engine.stun.StunMessage;

/**
 * XOR-address coding (RFC 8489 section 14.2), the one place it is written: the attribute codec uses
 * {@link #address}, the TURN relay fast paths code IPv4 peers in place with {@link #port} and {@link #ipv4}.
 * Coding and decoding are the same operation.
 */
public final class XorAddress {

    private XorAddress() {
    }

    /** "X-Port is computed by XOR'ing the mapped port with the most significant 16 bits of the magic cookie." */
    public static int port(int port) {
        return (port ^ (StunMessage.MAGIC_COOKIE >>> 16)) & 0xFFFF;
    }

    /** "If the IP address family is IPv4, X-Address is computed by XOR'ing the mapped IP address with the magic cookie." */
    public static int ipv4(int address) {
        return address ^ StunMessage.MAGIC_COOKIE;
    }

    /**
     * In place, either family: "If the IP address family is IPv6, X-Address is computed by XOR'ing the mapped IP
     * address with the concatenation of the magic cookie and the 96-bit transaction ID."
     */
    public static void address(byte[] address, byte[] transactionId) {
        for (int i = 0; i < address.length; i++) {
            int mask = i < 4 ? (StunMessage.MAGIC_COOKIE >>> (24 - 8 * i)) & 0xFF : transactionId[i - 4] & 0xFF;
            address[i] ^= (byte) mask;
        }
    }
}
