package org.edgeway.it;

import java.util.Arrays;
import java.util.List;
import org.edgeway.engine.TestPorts;

/**
 * The WildFly port offsets of the integration tests. {@code edgeway.it.port.offset} is the test nodes' base (each
 * node adds its step), the Arquillian server runs at {@code edgeway.it.arquillian.offset} with management at
 * {@code edgeway.it.arquillian.management}. Each is a number (an override, e.g. {@code -Dit.port.offset=2000}) or
 * {@code auto}: then the first band of {@link #BANDS} whose HTTP, HTTPS and management ports are free and that no
 * other build holds ({@link TestPorts#reserve}) is taken. Offsets end in 5, so no port of ours coincides with
 * HTTP, HTTPS or management of a build using round offsets.
 */
final class NodeOffsets {

    static final String NODE = "edgeway.it.port.offset";
    static final String ARQUILLIAN = "edgeway.it.arquillian.offset";
    static final String ARQUILLIAN_MANAGEMENT = "edgeway.it.arquillian.management";
    /** Candidate bases; a band spans base..base+199 (nodes from +0 in steps of 10, Arquillian at +100). */
    static final int[] BANDS = {1005, 1205, 1405, 1605, 1805};
    static final int ARQUILLIAN_STEP = 100;
    static final int NODE_STEP = 10;
    private static final int[] WILDFLY_PORTS = {8080, 8443, 9990};
    private static final int MANAGEMENT_PORT = 9990;

    private NodeOffsets() {
    }

    /** The base port offset of test nodes (a node adds its own step). */
    static int node() {
        resolve();
        return Integer.parseInt(System.getProperty(NODE));
    }

    /**
     * Replaces {@code auto} (or absent) offset properties by numbers; called before any test class runs
     * ({@link PortReservation}) because Arquillian reads them into arquillian.xml.
     */
    static synchronized void resolve() {
        String node = System.getProperty(NODE, "auto");
        if (isAuto(node)) {
            node = String.valueOf(freeBand());
            System.setProperty(NODE, node);
        }
        String arquillian = System.getProperty(ARQUILLIAN, "auto");
        if (isAuto(arquillian)) {
            arquillian = String.valueOf(Integer.parseInt(node) + ARQUILLIAN_STEP);
            System.setProperty(ARQUILLIAN, arquillian);
        }
        if (isAuto(System.getProperty(ARQUILLIAN_MANAGEMENT, "auto"))) {
            System.setProperty(ARQUILLIAN_MANAGEMENT, String.valueOf(MANAGEMENT_PORT + Integer.parseInt(arquillian)));
        }
    }

    private static boolean isAuto(String value) {
        return value.isBlank() || value.equals("auto");
    }

    private static int freeBand() {
        for (int base : BANDS) {
            if (portsFree(base) && TestPorts.reserve("offset-" + base)) {
                return base;
            }
        }
        throw new IllegalStateException("every port offset band is in use: " + Arrays.toString(BANDS));
    }

    private static boolean portsFree(int base) {
        for (int step = 0; step <= ARQUILLIAN_STEP; step += NODE_STEP) {
            if (!busyPorts(base + step).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** The HTTP, HTTPS and management ports of a server at {@code offset} that are taken right now. */
    static List<Integer> busyPorts(int offset) {
        return Arrays.stream(WILDFLY_PORTS).map(p -> p + offset).filter(p -> !TestPorts.free(p)).boxed().toList();
    }
}
