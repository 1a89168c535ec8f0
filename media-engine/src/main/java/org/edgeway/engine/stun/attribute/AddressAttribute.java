package org.edgeway.engine.stun.attribute;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * The attributes that carry one transport address (MAPPED-ADDRESS, ALTERNATE-SERVER and the XOR-... family): the
 * wire format lives in {@link AddressCodec}, the common checks here.
 */
public interface AddressAttribute extends StunAttribute {

    InetSocketAddress address();

    /** The address family on the wire. */
    default AddressFamily family() {
        return AddressFamily.of(address().getAddress());
    }

    /** A resolved, non-null transport address, as every address attribute requires. */
    static InetSocketAddress requireResolved(InetSocketAddress address) {
        Objects.requireNonNull(address, "address");
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("unresolved address " + address);
        }
        return address;
    }
}
