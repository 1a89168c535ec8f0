package org.edgeway.engine.stun.attribute;

import io.netty.buffer.ByteBuf;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.edgeway.engine.stun.StunDecoderException;

/** Shared wire format of the (XOR-)MAPPED-ADDRESS family of attributes (RFC 8489 sections 14.1 and 14.2). */
final class AddressCodec {

    private AddressCodec() {
    }

    static InetSocketAddress decode(ByteBuf value, byte[] transactionId, boolean xor, String name)
            throws StunDecoderException {
        if (value.readableBytes() < 4) {
            throw StunDecoderException.badAttribute(name + " too short");
        }
        int idx = value.readerIndex();
        AddressFamily family = AddressFamily.of(value.getUnsignedByte(idx + 1));
        if (family == null) {
            throw StunDecoderException.badAttribute(name + " has unknown address family");
        }
        if (value.readableBytes() != 4 + family.addressLength()) {
            throw StunDecoderException.badAttribute(name + " has wrong length for " + family);
        }
        int port = value.getUnsignedShort(idx + 2);
        byte[] address = new byte[family.addressLength()];
        value.getBytes(idx + 4, address);
        if (xor) {
            port = XorAddress.port(port);
            XorAddress.address(address, transactionId);
        }
        return new InetSocketAddress(toInetAddress(address), port);
    }

    static void encode(ByteBuf out, InetSocketAddress socketAddress, byte[] transactionId, boolean xor) {
        InetAddress inet = socketAddress.getAddress();
        byte[] address = inet.getAddress();
        int port = socketAddress.getPort();
        if (xor) {
            port = XorAddress.port(port);
            XorAddress.address(address, transactionId);
        }
        out.writeByte(0);
        out.writeByte(address.length == 4 ? AddressFamily.IPV4.code() : AddressFamily.IPV6.code());
        out.writeShort(port);
        out.writeBytes(address);
    }

    /** Builds a Java address without converting IPv4-mapped IPv6 addresses to IPv4 (the family must survive). */
    static InetAddress toInetAddress(byte[] address) {
        try {
            return address.length == 4 ? Inet4Address.getByAddress(address)
                    : Inet6Address.getByAddress(null, address, -1);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static int length(InetSocketAddress address) {
        return 4 + address.getAddress().getAddress().length;
    }
}
