package org.edgeway.engine.sip.transaction;

/**
 * RFC 3261 timer base values (17.1.1.1, table 4): T1 the RTT estimate, T2 the longest non-INVITE retransmit
 * interval, T4 how long a message stays in the network; every other timer derives from them.
 */
public record TimerValues(long t1, long t2, long t4) {

    public static final TimerValues RFC3261 = new TimerValues(500, 4_000, 5_000);
    /** Timer C: how long a proxy waits for a final response to an INVITE after a provisional (16.6 step 11). */
    public static final long TIMER_C = 180_000;

    /** Timers B, F, H, J: 64*T1. */
    public long transactionTimeout() {
        return 64 * t1;
    }
}
