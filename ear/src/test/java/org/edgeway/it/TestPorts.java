package org.edgeway.it;

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

/**
 * The one place the integration tests choose ports: single ports a test configures (TURN listeners) and the
 * WildFly port offsets of the test nodes and of the Arquillian server.
 * <p>
 * Single ports come from 20000-23999: below the TURN media range default (24000-29999) and the Linux ephemeral
 * range (32768-60999), so neither relays nor client sockets can take them while a node boots.
 * <p>
 * Offsets: {@code edgeway.it.port.offset} is the test nodes' base (each node adds its step), the Arquillian server
 * runs at {@code edgeway.it.arquillian.offset} with management at {@code edgeway.it.arquillian.management}. Each
 * is a number (an override, e.g. {@code -Dit.port.offset=2000}) or {@code auto}: then the first band of
 * {@link #OFFSET_BANDS} whose ports are free is taken. Offsets end in 5 so no port of ours coincides with
 * HTTP/HTTPS/management of a build that uses round offsets.
 * <p>
 * Every choice is held by a file lock until the JVM exits, so two builds on one host never choose the same.
 */
public final class TestPorts {

    public static final int BAND_START = 20_000;
    public static final int BAND_END = 23_999;
    static final String NODE_OFFSET = "edgeway.it.port.offset";
    static final String ARQUILLIAN_OFFSET = "edgeway.it.arquillian.offset";
    static final String ARQUILLIAN_MANAGEMENT = "edgeway.it.arquillian.management";
    /** Candidate bases of the automatic offsets; a band spans base..base+199 (nodes from +0, Arquillian +100). */
    static final int[] OFFSET_BANDS = {1005, 1205, 1405, 1605, 1805};
    private static final int ARQUILLIAN_STEP = 100;
    /** Node steps probed in a band: every multiple of 10 below the Arquillian step, and the Arquillian server. */
    private static final int STEP = 10;
    private static final int[] WILDFLY_PORTS = {8080, 8443, 9990};

    private static final Path LOCKS = Path.of(System.getProperty("java.io.tmpdir"), "edgeway-test-ports");
    /** Locks held until the JVM exits (a released lock would let another build take the port). */
    private static final List<FileLock> HELD = new ArrayList<>();

    private TestPorts() {
    }

    /** One port free for UDP and TCP on loopback, reserved for this JVM. */
    public static synchronized int port() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = BAND_START + ThreadLocalRandom.current().nextInt(BAND_END - BAND_START + 1);
            FileLock lock = lock("port-" + port);
            if (lock != null && bindable(port)) {
                HELD.add(lock);
                return port;
            }
            release(lock);
        }
        throw new IllegalStateException("no free port in " + BAND_START + "-" + BAND_END);
    }

    /** The base port offset of test nodes (a node adds its own step). */
    public static int nodeOffset() {
        resolveOffsets();
        return Integer.parseInt(System.getProperty(NODE_OFFSET));
    }

    /**
     * Replaces {@code auto} (or absent) offset properties by numbers, choosing a free band; called before any test
     * class runs ({@link PortReservation}) because Arquillian reads them into arquillian.xml.
     */
    static synchronized void resolveOffsets() {
        String node = System.getProperty(NODE_OFFSET, "auto");
        if (isAuto(node)) {
            node = String.valueOf(freeBand());
            System.setProperty(NODE_OFFSET, node);
        }
        String arquillian = System.getProperty(ARQUILLIAN_OFFSET, "auto");
        if (isAuto(arquillian)) {
            arquillian = String.valueOf(Integer.parseInt(node) + ARQUILLIAN_STEP);
            System.setProperty(ARQUILLIAN_OFFSET, arquillian);
        }
        if (isAuto(System.getProperty(ARQUILLIAN_MANAGEMENT, "auto"))) {
            System.setProperty(ARQUILLIAN_MANAGEMENT, String.valueOf(9990 + Integer.parseInt(arquillian)));
        }
    }

    private static boolean isAuto(String value) {
        return value.isBlank() || value.equals("auto");
    }

    private static int freeBand() {
        for (int base : OFFSET_BANDS) {
            FileLock lock = lock("offset-" + base);
            if (lock != null && bandIsFree(base)) {
                HELD.add(lock);
                return base;
            }
            release(lock);
        }
        throw new IllegalStateException("every port offset band is in use: " + java.util.Arrays.toString(OFFSET_BANDS));
    }

    private static boolean bandIsFree(int base) {
        for (int step = 0; step <= ARQUILLIAN_STEP; step += STEP) {
            for (int port : WILDFLY_PORTS) {
                if (!bindable(port + base + step)) {
                    return false;
                }
            }
        }
        return true;
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
            release(channel);
            return null;
        }
    }

    private static void release(FileLock lock) {
        if (lock != null) {
            release(lock.channel());
        }
    }

    private static void release(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // closing the channel releases the lock either way
        }
    }

    private static boolean bindable(int port) {
        InetAddress lo = InetAddress.getLoopbackAddress();
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(lo, port));
                ServerSocket tcp = new ServerSocket(port, 1, lo)) {
            return udp.isBound() && tcp.isBound();
        } catch (IOException e) {
            return false;
        }
    }
}
