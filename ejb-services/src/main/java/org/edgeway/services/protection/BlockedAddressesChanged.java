package org.edgeway.services.protection;

import java.util.Set;

/** CDI event: the addresses automated protection refuses now (the engine lifecycle hands them to the engine). */
public record BlockedAddressesChanged(Set<String> addresses) {

    public BlockedAddressesChanged {
        addresses = Set.copyOf(addresses);
    }
}
