package org.edgeway.engine.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.edgeway.engine.stun.attribute.AddressFamily;

/**
 * Binds relay sockets in the media port range (B-TURN-21, default 24000-29999), starting at a random port as RFC
 * 8656 section 7.2 recommends ("the server SHOULD... choose the relayed transport address port at random"), with
 * EVEN-PORT and the R-bit reservation of the next port. A range start of 0 means "let the OS choose" (tests).
 * Reserved ports are held as bound sockets for 30 s, keyed by an 8-byte RESERVATION-TOKEN.
 */
public final class RelayPortPool {

    public static final long RESERVATION_NANOS = 30_000_000_000L;

    /** A bound socket held for a later Allocate with RESERVATION-TOKEN. */
    public record Reservation(BoundDatagram socket, AddressFamily family, long expiresNanos) {
    }

    /** A bound relay socket and, when reserving, the token of the next port. */
    public record Bound(BoundDatagram socket, long reservationToken) {
    }

    private final InetAddress v4;
    private final InetAddress v6;
    private final int start;
    private final int end;
    private final BitSet used4 = new BitSet();
    private final BitSet used6 = new BitSet();
    private final ConcurrentHashMap<Long, Reservation> reservations = new ConcurrentHashMap<>();

    public RelayPortPool(InetAddress v4, InetAddress v6, int start, int end) {
        this.v4 = v4;
        this.v6 = v6;
        this.start = start;
        this.end = end;
    }

    public InetAddress address(AddressFamily family) {
        return family == AddressFamily.IPV4 ? v4 : v6;
    }

    /** False when {@code port} cannot be a relay port of this pool (outside the media port range). */
    public boolean mayHold(int port) {
        return start == 0 || (port >= start && port <= end);
    }

    /** Binds a relay socket; null if no port is available. */
    public Bound bind(AddressFamily family, boolean even, boolean reserveNext) {
        InetAddress address = address(family);
        if (address == null) {
            return null;
        }
        return start == 0 ? bindEphemeral(family, address, even, reserveNext)
                : bindInRange(family, address, even, reserveNext);
    }

    private Bound bindInRange(AddressFamily family, InetAddress address, boolean even, boolean reserveNext) {
        int size = end - start + 1;
        int offset = ThreadLocalRandom.current().nextInt(size);
        BitSet used = family == AddressFamily.IPV4 ? used4 : used6;
        synchronized (this) {
            // the free ports from the random offset to the end of the range, then from its start to the offset:
            // a busy range is skipped by the bit set, not tried port by port
            for (int pass = 0; pass < 2; pass++) {
                int limit = pass == 0 ? size : offset;
                for (int i = used.nextClearBit(pass == 0 ? offset : 0); i < limit; i = used.nextClearBit(i + 1)) {
                    int port = start + i;
                    if ((even && (port & 1) != 0) || (reserveNext && (port + 1 > end || used.get(i + 1)))) {
                        continue;
                    }
                    Bound bound = bindAt(family, address, port, reserveNext);
                    if (bound != null) {
                        return bound;
                    }
                }
            }
            return null;
        }
    }

    /** Binds {@code port} (and the next one when reserving) or nothing; marks what it bound as used. */
    private Bound bindAt(AddressFamily family, InetAddress address, int port, boolean reserveNext) {
        BitSet used = family == AddressFamily.IPV4 ? used4 : used6;
        BoundDatagram ch = tryBind(family, address, port);
        if (ch == null) {
            return null;
        }
        long token = 0;
        if (reserveNext) {
            BoundDatagram next = tryBind(family, address, port + 1);
            if (next == null) {
                ch.close();
                return null;
            }
            used.set(port + 1 - start);
            token = reserve(next, family);
        }
        used.set(port - start);
        return new Bound(ch, token);
    }

    private Bound bindEphemeral(AddressFamily family, InetAddress address, boolean even, boolean reserveNext) {
        List<BoundDatagram> rejected = new ArrayList<>();
        try {
            for (int attempt = 0; attempt < 64; attempt++) {
                BoundDatagram ch = tryBind(family, address, 0);
                if (ch == null) {
                    return null;
                }
                int port = ch.port();
                if (!even || (port & 1) == 0) {
                    if (!reserveNext) {
                        return new Bound(ch, 0);
                    }
                    BoundDatagram next = port < 65535 ? tryBind(family, address, port + 1) : null;
                    if (next != null) {
                        return new Bound(ch, reserve(next, family));
                    }
                }
                rejected.add(ch);
            }
            return null;
        } finally {
            rejected.forEach(BoundDatagram::close);
        }
    }

    private long reserve(BoundDatagram socket, AddressFamily family) {
        long token;
        do {
            token = ThreadLocalRandom.current().nextLong();
        } while (token == 0 || reservations.putIfAbsent(token,
                new Reservation(socket, family, System.nanoTime() + RESERVATION_NANOS)) != null);
        return token;
    }

    /** The reserved socket for a token (removing the reservation), or null if unknown or expired. */
    public Reservation take(long token) {
        Reservation r = reservations.remove(token);
        if (r != null && r.expiresNanos - System.nanoTime() < 0) {
            release(r.socket, r.family);
            return null;
        }
        return r;
    }

    /** Closes expired reservations. */
    public void purge(long nowNanos) {
        reservations.entrySet().removeIf(e -> {
            if (e.getValue().expiresNanos - nowNanos < 0) {
                release(e.getValue().socket, e.getValue().family);
                return true;
            }
            return false;
        });
    }

    /** Marks a relay port free again (after its socket is closed). */
    public synchronized void free(AddressFamily family, int port) {
        if (start != 0 && port >= start && port <= end) {
            (family == AddressFamily.IPV4 ? used4 : used6).clear(port - start);
        }
    }

    public void release(BoundDatagram socket, AddressFamily family) {
        socket.close();
        free(family, socket.port());
    }

    public void closeAll() {
        reservations.values().forEach(r -> release(r.socket, r.family));
        reservations.clear();
    }

    private static BoundDatagram tryBind(AddressFamily family, InetAddress address, int port) {
        try {
            return Transports.bindDatagram(family, new InetSocketAddress(address, port));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
