package org.edgeway.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.edgeway.engine.TestPorts;
import org.edgeway.engine.stun.attribute.AddressFamily;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The media range as RTP/RTCP pairs: every free even port is found from any random start, and none twice. */
class RelayPortPoolTest {

    private static final InetAddress LO = InetAddress.getLoopbackAddress();
    private final List<RelayPortPool.Bound> bound = new ArrayList<>();
    private RelayPortPool pool;

    @AfterEach
    void close() {
        bound.forEach(b -> pool.release(b.socket(), AddressFamily.IPV4));
        if (pool != null) {
            pool.closeAll();
        }
    }

    @Test
    void aFullRangeHandsOutEveryEvenPairOnceThenNothingAndAFreedPairAgain() throws Exception {
        int first = TestPorts.range(17);
        int start = first % 2 == 0 ? first : first + 1; // 16 ports from an even one: 8 pairs
        pool = new RelayPortPool(LO, null, start, start + 15);
        Set<Integer> rtp = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            RelayPortPool.Bound b = pool.bind(AddressFamily.IPV4, true, true);
            assertNotNull(b, "pair " + i + " of 8");
            bound.add(b);
            int port = b.socket().port();
            assertEquals(0, port % 2, "RTP on an even port");
            assertTrue(port >= start && port + 1 <= start + 15, port + " inside the range");
            assertTrue(rtp.add(port), port + " handed out twice");
            RelayPortPool.Reservation rtcp = pool.take(b.reservationToken());
            assertEquals(port + 1, rtcp.socket().port(), "RTCP on the next port");
            rtcp.socket().close();
        }
        assertNull(pool.bind(AddressFamily.IPV4, true, true), "a full range has nothing left");

        RelayPortPool.Bound freed = bound.remove(3);
        int port = freed.socket().port();
        pool.release(freed.socket(), AddressFamily.IPV4);
        pool.free(AddressFamily.IPV4, port + 1);
        RelayPortPool.Bound again = pool.bind(AddressFamily.IPV4, true, true);
        assertNotNull(again, "a freed pair is found again wherever the search starts");
        bound.add(again);
        assertEquals(port, again.socket().port());
        pool.take(again.reservationToken()).socket().close();
    }

    @Test
    void aPortAnotherProcessHoldsIsSkipped() throws Exception {
        int first = TestPorts.range(5);
        int start = first % 2 == 0 ? first : first + 1; // two pairs: start, start + 2
        try (DatagramSocket other = new DatagramSocket(new InetSocketAddress(LO, start))) {
            pool = new RelayPortPool(LO, null, start, start + 3);
            for (int i = 0; i < 5; i++) {
                RelayPortPool.Bound b = pool.bind(AddressFamily.IPV4, true, true);
                assertNotNull(b);
                assertEquals(start + 2, b.socket().port(), "the pair whose RTP port is taken elsewhere is skipped");
                pool.take(b.reservationToken()).socket().close();
                pool.free(AddressFamily.IPV4, start + 3);
                pool.release(b.socket(), AddressFamily.IPV4);
            }
        }
    }
}
