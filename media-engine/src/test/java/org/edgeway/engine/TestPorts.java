package org.edgeway.engine;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntPredicate;

/**
 * The one place tests choose a fixed port (for a test that cannot bind port 0 itself, or configures a port that a
 * server binds later); the ear's integration tests use it too (test-jar).
 * <p>
 * Ports come from 20000-23999: below the TURN media range default (24000-29999) and the Linux ephemeral range
 * (32768-60999), so neither relays nor any client socket of the machine can take them in the meantime. A chosen
 * port is free for UDP and TCP on loopback and stays reserved by a file lock until this JVM exits, so two builds
 * on one host never choose the same port.
 */
public final class TestPorts {

    public static final int BAND_START = 20_000;
    public static final int BAND_END = 23_999;

    private static final Path LOCKS = Path.of(System.getProperty("java.io.tmpdir"), "edgeway-test-ports");
    /** Locks held until the JVM exits (a released lock would let another build take the port). */
    private static final List<FileLock> HELD = new ArrayList<>();

    private TestPorts() {
    }

    /** One free port. */
    public static int port() {
        return range(1);
    }

    /**
     * The first of {@code count} consecutive free ports: one pass over the band from a random port, growing a run of
     * ports that are free and reserved by no other build, and starting it again after any that is not. (Random
     * tries alone missed the free stretches when two builds' test JVMs together held much of the band.)
     */
    public static synchronized int range(int count) {
        List<FileLock> run = new ArrayList<>();
        int base = firstRun(ThreadLocalRandom.current().nextInt(BAND_END - BAND_START + 1), count, p -> {
            FileLock lock = lock("port-" + p);
            if (lock != null && free(p)) {
                run.add(lock);
                return true;
            }
            if (lock != null) {
                release(lock);
            }
            return false;
        }, () -> {
            run.forEach(TestPorts::release);
            run.clear();
        });
        if (base < 0) {
            throw new IllegalStateException("no free port range of " + count + " in " + BAND_START + "-" + BAND_END);
        }
        HELD.addAll(run);
        return base;
    }

    /**
     * The scan of {@link #range}: from band port number {@code start}, once round the band, the first {@code count}
     * consecutive ports that {@code take} takes (it keeps what it took); {@code drop} gives back the run so far when
     * a port is not taken or the scan wraps. -1 if there is none.
     */
    static int firstRun(int start, int count, IntPredicate take, Runnable drop) {
        int span = BAND_END - BAND_START + 1;
        int length = 0;
        // past the start again by count - 1, for a run that began just before it
        for (int i = 0; i < span + count - 1; i++) {
            int p = BAND_START + (start + i) % span;
            if (p == BAND_START && length > 0) { // a run does not continue across the band's end
                drop.run();
                length = 0;
            }
            if (!take.test(p)) {
                drop.run();
                length = 0;
            } else if (++length == count) {
                return p - count + 1;
            }
        }
        drop.run();
        return -1;
    }

    /**
     * Reserves {@code name} (any resource tests of two builds must not share) until this JVM exits; false if
     * another JVM holds it.
     */
    public static synchronized boolean reserve(String name) {
        FileLock lock = lock(name);
        if (lock != null) {
            HELD.add(lock);
        }
        return lock != null;
    }

    /** True if {@code port} can be bound for UDP and TCP on loopback right now. */
    public static boolean free(int port) {
        InetAddress lo = InetAddress.getLoopbackAddress();
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(lo, port));
                ServerSocket tcp = new ServerSocket(port, 1, lo)) {
            return udp.isBound() && tcp.isBound();
        } catch (IOException e) {
            return false;
        }
    }

    private static FileLock lock(String name) {
        FileChannel channel = null;
        try {
            Files.createDirectories(LOCKS);
            channel = FileChannel.open(LOCKS.resolve(name + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
            }
            return lock;
        } catch (IOException | OverlappingFileLockException e) {
            close(channel);
            return null;
        }
    }

    private static void release(FileLock lock) {
        close(lock.channel());
    }

    private static void close(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // closing the channel releases the lock either way
        }
    }
}
