package org.edgeway.services.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.edgeway.engine.calls.CallRecord;
import org.edgeway.engine.calls.CallStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallHistoryQueueTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void callsThatEndWhileABatchIsStoredGoTogetherInTheNextOneAndNoneIsLostOrStoredTwice() throws Exception {
        CountDownLatch firstStoring = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CallHistoryQueue queue = new CallHistoryQueue(executor, 0, batch -> {
            batches.add(batch.stream().map(CallRecord::serialNumber).toList());
            firstStoring.countDown();
            await(release);
        });
        queue.add(call(0));
        assertTrue(firstStoring.await(10, TimeUnit.SECONDS));
        for (int i = 1; i <= 1200; i++) {
            queue.add(call(i));
        }
        release.countDown();
        waitUntil(() -> stored().size() == 1201);

        assertEquals(List.of("0"), batches.get(0), "a quiet queue stores the first call alone, at once");
        assertEquals(List.of(500, 500, 200), batches.subList(1, batches.size()).stream().map(List::size).toList());
        List<String> expected = new ArrayList<>();
        for (int i = 0; i <= 1200; i++) {
            expected.add(String.valueOf(i));
        }
        assertEquals(expected, stored(), "every call once, in the order they ended");
    }

    @Test
    void aBatchTheDatabaseRefusesIsStoredCallByCallSoOnlyTheBadCallIsLost() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CallHistoryQueue queue = new CallHistoryQueue(executor, 0, batch -> {
            await(release);
            if (batch.stream().anyMatch(c -> c.serialNumber().equals("13"))) {
                throw new IllegalStateException("constraint violated");
            }
            batches.add(batch.stream().map(CallRecord::serialNumber).toList());
        });
        for (int i = 10; i < 16; i++) {
            queue.add(call(i));
        }
        release.countDown();
        waitUntil(() -> stored().size() == 5);
        assertEquals(List.of("10", "11", "12", "14", "15"), stored());
    }

    @Test
    void aCallAddedAfterTheQueueRanDryIsStoredToo() throws Exception {
        CallHistoryQueue queue = new CallHistoryQueue(executor, 0,
                batch -> batches.add(batch.stream().map(CallRecord::serialNumber).toList()));
        for (int i = 0; i < 2000; i++) {
            queue.add(call(i));
            if (i % 7 == 0) {
                Thread.onSpinWait();
            }
        }
        waitUntil(() -> stored().size() == 2000);
        assertEquals(2000, stored().stream().distinct().count());
    }

    @Test
    void callsEndingWithinTheGatherWindowAreStoredTogether() throws Exception {
        CallHistoryQueue queue = new CallHistoryQueue(executor, 300,
                batch -> batches.add(batch.stream().map(CallRecord::serialNumber).toList()));
        long started = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            queue.add(call(i));
        }
        assertTrue(System.nanoTime() - started < TimeUnit.MILLISECONDS.toNanos(250), "added within the window");
        waitUntil(() -> stored().size() == 20);
        assertEquals(1, batches.size(), "one transaction for the 20 calls");
    }

    private List<String> stored() {
        synchronized (batches) {
            return batches.stream().flatMap(List::stream).toList();
        }
    }

    private static CallRecord call(int i) {
        return new CallRecord(String.valueOf(i), "tag" + i, Instant.EPOCH, Instant.EPOCH.plusSeconds(1), "a", "b",
                "SIP", CallStatus.COMPLETED, "", 64, null, List.of());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not reached in 10 s");
            Thread.sleep(5);
        }
    }
}
