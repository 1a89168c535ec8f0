package org.edgeway.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The blocked set the listeners ask: whole addresses and prefixes of both families, replaced whole. */
class BlockedSourcesTest {

    @Test
    void addressesAndPrefixesOfBothFamiliesAreRefused() throws Exception {
        BlockedSources b = BlockedSources.of(List.of("127.0.0.5", "2001:db8::7", "10.1.0.0/16", "fd00::/8"));
        assertEquals(4, b.size());
        assertTrue(b.contains(InetAddress.getByName("127.0.0.5")));
        assertFalse(b.contains(InetAddress.getByName("127.0.0.6")));
        assertTrue(b.contains(InetAddress.getByName("2001:db8:0:0::7")), "another spelling of the same address");
        assertFalse(b.contains(InetAddress.getByName("2001:db8::8")));
        assertTrue(b.contains(InetAddress.getByName("10.1.200.3")));
        assertFalse(b.contains(InetAddress.getByName("10.2.0.1")));
        assertTrue(b.contains(InetAddress.getByName("fd12:3456::1")));
        assertFalse(b.contains(InetAddress.getByName("fe80::1")));
    }

    @Test
    void anEmptySetIsNoneAndTheGateRefusesNothingUntilSet() throws Exception {
        assertSame(BlockedSources.NONE, BlockedSources.of(List.of()));
        SourceGate gate = new SourceGate();
        InetAddress a = InetAddress.getByName("192.0.2.9");
        assertFalse(gate.refuses(a));
        gate.set(BlockedSources.of(List.of("192.0.2.9")));
        assertTrue(gate.refuses(a));
        gate.set(BlockedSources.NONE);
        assertFalse(gate.refuses(a));
    }

    @Test
    void namesAreNeverResolved() {
        assertThrows(IllegalArgumentException.class, () -> BlockedSources.of(List.of("localhost")));
    }
}
