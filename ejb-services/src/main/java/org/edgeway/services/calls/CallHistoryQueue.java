package org.edgeway.services.calls;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.edgeway.engine.calls.CallRecord;

/**
 * Ended calls on their way to the history. One drain task at a time gathers the calls that end within a short
 * window and stores them in one transaction (one transaction, session, connection and duplicate check per batch
 * instead of per call): a call is in the history a tenth of a second after it ended, at a fraction of the CPU
 * when hundreds end every second.
 */
public final class CallHistoryQueue {

    /** Most calls one transaction stores. */
    static final int MAX_BATCH = 500;
    /** How long the drain task gathers ended calls before it stores them. */
    public static final long GATHER_MILLIS = 100;
    private static final Logger LOG = Logger.getLogger(CallHistoryQueue.class.getName());

    private final Queue<CallRecord> ended = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Executor executor;
    private final Consumer<List<CallRecord>> store;
    private final long gatherMillis;

    public CallHistoryQueue(Executor executor, long gatherMillis, Consumer<List<CallRecord>> store) {
        this.executor = executor;
        this.store = store;
        this.gatherMillis = gatherMillis;
    }

    /** Called on an engine thread: never blocks. */
    public void add(CallRecord call) {
        ended.add(call);
        if (draining.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        gather();
        while (true) {
            List<CallRecord> batch = new ArrayList<>();
            for (CallRecord call; batch.size() < MAX_BATCH && (call = ended.poll()) != null; ) {
                batch.add(call);
            }
            if (!batch.isEmpty()) {
                storeEach(batch);
                continue;
            }
            draining.set(false);
            // A call added between the empty poll and the reset found the flag set and left it to this task.
            if (ended.isEmpty() || !draining.compareAndSet(false, true)) {
                return;
            }
        }
    }

    private void gather() {
        try {
            Thread.sleep(gatherMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // store what is there and let the executor end the thread
        }
    }

    /** A batch that fails (one record the database refuses) is stored call by call, so the others are kept. */
    private void storeEach(List<CallRecord> batch) {
        try {
            store.accept(batch);
        } catch (RuntimeException batchFailed) {
            if (batch.size() == 1) {
                LOG.log(Level.SEVERE, "call " + batch.get(0).serialNumber() + " could not be stored", batchFailed);
                return;
            }
            for (CallRecord call : batch) {
                storeEach(List.of(call));
            }
        }
    }
}
