package org.edgeway.engine.turn;

import io.netty.channel.Channel;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.ArrayList;

/**
 * Channels written on this event loop since it last woke, flushed once by a task that runs after the loop has
 * read every ready socket: one flush per channel per wake-up instead of one per packet or per socket read. Many
 * relays answer their clients through one listener socket, so its datagrams of a wake-up leave together (one
 * sendmmsg on the native transport). Event loop only.
 */
final class FlushBatch {

    private static final FastThreadLocal<ArrayList<Channel>> PENDING = new FastThreadLocal<>() {
        @Override
        protected ArrayList<Channel> initialValue() {
            return new ArrayList<>(16);
        }
    };

    private FlushBatch() {
    }

    /** Queues a flush of {@code channel}, which belongs to the calling event loop. */
    static void add(Channel channel) {
        ArrayList<Channel> list = PENDING.get();
        for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i) == channel) {
                return;
            }
        }
        if (list.isEmpty()) {
            channel.eventLoop().execute(FlushBatch::flushAll);
        }
        list.add(channel);
    }

    private static void flushAll() {
        ArrayList<Channel> list = PENDING.get();
        for (int i = 0; i < list.size(); i++) {
            list.get(i).flush();
        }
        list.clear();
    }
}
