package org.edgeway.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

/** When a read batch of a datagram socket ends: the channel always claims "maybe more", the last read decides. */
class DatagramBatchAllocatorTest {

    private static RecvByteBufAllocator.ExtendedHandle handle(int bufferSize, int maxMessagesPerRead) {
        RecvByteBufAllocator.ExtendedHandle h = (RecvByteBufAllocator.ExtendedHandle)
                new DatagramBatchAllocator(bufferSize, maxMessagesPerRead).newHandle();
        h.reset(new EmbeddedChannel().config());
        return h;
    }

    /** One recvmmsg: {@code received} of {@code slots} slots of {@code slot} bytes filled. */
    private static void read(RecvByteBufAllocator.ExtendedHandle h, int slots, int received, int slot) {
        h.attemptedBytesRead(slots * slot);
        h.lastBytesRead(received * slot);
        h.incMessagesRead(received);
    }

    @Test
    void aReadThatFilledEverySlotGoesOnAndOneThatDidNotEndsTheBatch() {
        RecvByteBufAllocator.ExtendedHandle h = handle(7 * 4097, 64);
        assertEquals(7 * 4097, h.guess());
        read(h, 7, 7, 4097);
        assertTrue(h.continueReading(() -> true), "all 7 slots filled: there may be more");
        read(h, 7, 3, 4097);
        assertFalse(h.continueReading(() -> true), "3 of 7: the socket is empty, no read for EAGAIN");
    }

    @Test
    void aFullBatchStillEndsAtMaxMessagesPerRead() {
        RecvByteBufAllocator.ExtendedHandle h = handle(4 * 100, 8);
        read(h, 4, 4, 100);
        assertTrue(h.continueReading(() -> true));
        read(h, 4, 4, 100);
        assertFalse(h.continueReading(() -> true), "8 datagrams read: other sockets' turn");
    }

    @Test
    void aSingleDatagramReadEndsTheBatchUnlessItFilledTheBuffer() {
        RecvByteBufAllocator.ExtendedHandle h = handle(4097, 32);
        h.attemptedBytesRead(4097);
        h.lastBytesRead(172);
        h.incMessagesRead(1);
        assertFalse(h.continueReading(() -> true));
    }
}
