package org.edgeway.engine.turn;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The allocations of one TURN server by 5-tuple, their count per username (the user quota) and the relay capacity:
 * the server's total and, on a Large system listening on a port range, each port's share (B-TURN-09).
 */
final class AllocationTable {

    private final ConcurrentHashMap<FiveTuple, Allocation> byTuple = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AtomicInteger> perUser = new ConcurrentHashMap<>();
    private final AtomicInteger relays = new AtomicInteger();
    private final int capacity;
    private final boolean perPortLimit;
    private final int relaysPerPort;

    AllocationTable(int capacity, boolean perPortLimit, int relaysPerPort) {
        this.capacity = capacity;
        this.perPortLimit = perPortLimit;
        this.relaysPerPort = relaysPerPort;
    }

    Allocation get(FiveTuple tuple) {
        return byTuple.get(tuple);
    }

    /** A live view for the sweeper and the snapshot. */
    Collection<Allocation> all() {
        return byTuple.values();
    }

    int userAllocations(String username) {
        AtomicInteger n = perUser.get(username);
        return n == null ? 0 : n.get();
    }

    /** Relays in use (a dual-stack allocation holds two). */
    int relays() {
        return relays.get();
    }

    int capacity() {
        return capacity;
    }

    /** Reserves relay capacity; false when the server (or, in range mode, this port) is full. */
    boolean reserve(int count, TurnListeners.Listener listener) {
        if (relays.addAndGet(count) > capacity) {
            relays.addAndGet(-count);
            return false;
        }
        if (perPortLimit && listener.relays.addAndGet(count) > relaysPerPort) {
            listener.relays.addAndGet(-count);
            relays.addAndGet(-count);
            return false;
        }
        if (!perPortLimit) {
            listener.relays.addAndGet(count);
        }
        return true;
    }

    void release(int count, TurnListeners.Listener listener) {
        relays.addAndGet(-count);
        listener.relays.addAndGet(-count);
    }

    void add(Allocation a) {
        byTuple.put(a.fiveTuple, a);
        perUser.computeIfAbsent(a.username, k -> new AtomicInteger()).incrementAndGet();
    }

    void remove(Allocation a) {
        byTuple.remove(a.fiveTuple, a);
        AtomicInteger n = perUser.get(a.username);
        if (n != null) {
            n.decrementAndGet();
        }
    }
}
