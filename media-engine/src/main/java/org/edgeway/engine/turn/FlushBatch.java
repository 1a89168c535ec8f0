package org.edgeway.engine.turn;

import io.netty.channel.Channel;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.ArrayList;

/**
 * Channels written during the current read batch of this event loop, flushed once when the batch ends
 * ({@code channelReadComplete}): one flush per channel per batch instead of one per packet.
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

    static void add(Channel channel) {
        ArrayList<Channel> list = PENDING.get();
        for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i) == channel) {
                return;
            }
        }
        list.add(channel);
    }

    static void flushAll() {
        ArrayList<Channel> list = PENDING.get();
        for (int i = 0; i < list.size(); i++) {
            list.get(i).flush();
        }
        list.clear();
    }
}
