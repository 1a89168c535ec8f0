package org.edgeway.engine.net;

import io.netty.channel.DefaultMaxMessagesRecvByteBufAllocator;
import io.netty.util.UncheckedBooleanSupplier;

/**
 * Receive buffers of a fixed size for a datagram socket under native epoll, and read batches that end at the first
 * read which did not fill every datagram slot it offered. The socket is then empty as far as that read could tell,
 * and level-triggered epoll reports it again if more has arrived since; Netty's datagram channel would otherwise
 * read on until a read answers EAGAIN, one more system call per wake-up of every socket, which for a relay socket
 * holding one datagram doubles its receive calls.
 */
final class DatagramBatchAllocator extends DefaultMaxMessagesRecvByteBufAllocator {

    private final int bufferSize;

    DatagramBatchAllocator(int bufferSize, int maxMessagesPerRead) {
        super(maxMessagesPerRead);
        this.bufferSize = bufferSize;
    }

    @Override
    public Handle newHandle() {
        return new MaxMessageHandle() {
            @Override
            public int guess() {
                return bufferSize;
            }

            @Override
            public boolean continueReading(UncheckedBooleanSupplier maybeMoreDataSupplier) {
                // the channel passes a supplier that always says "maybe more": judge by the last read instead
                return lastBytesRead() == attemptedBytesRead() && super.continueReading(maybeMoreDataSupplier);
            }
        };
    }
}
