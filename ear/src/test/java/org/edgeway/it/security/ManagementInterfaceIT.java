package org.edgeway.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.edgeway.it.ServerNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 9 finding 7 (and the data directory of finding 3): /health, /metrics and the HAL console answered on the
 * management port without credentials and /wildfly-services sat on the public port.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagementInterfaceIT {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private ServerNode node;

    @BeforeAll
    void start() throws Exception {
        node = new ServerNode("management", 60, "--role", "E").fresh().start();
    }

    @AfterAll
    void stop() throws Exception {
        if (node != null) {
            node.stop();
        }
    }

    @Test
    void unusedManagementEndpointsAreGone() throws Exception {
        for (String path : List.of("/health", "/health/live", "/metrics", "/console", "/console/index.html")) {
            RawHttp.Response r = RawHttp.send(null, node.managementUrl(), LOOPBACK, "GET", path, Map.of(), null);
            assertEquals(404, r.status(), path + ": " + r.body());
        }
    }

    @Test
    void managementApiNeedsCredentials() throws Exception {
        RawHttp.Response r = RawHttp.send(null, node.managementUrl(), LOOPBACK, "GET",
                "/management?operation=attribute&name=server-state", Map.of(), null);
        assertEquals(401, r.status(), r.body());
    }

    @Test
    void wildflyServicesAreNotOnThePublicPort() throws Exception {
        RawHttp.Response r = RawHttp.send(node.sslContext(), node.httpsUrl(), LOOPBACK, "POST",
                "/wildfly-services/ejb/v1/open", Map.of("Content-Type", "application/x-wf-jbmar-sess-open;version=1"),
                "");
        // answered by the console (login required), not by WildFly's EJB-over-HTTP invoker
        assertEquals(302, r.status(), r.body());
        assertEquals(node.httpsUrl() + "/login", r.header("Location"));
    }

    @Test
    void managementListensOnLoopbackOnly() throws Exception {
        InetAddress external = NetworkInterface.networkInterfaces().filter(i -> {
            try {
                return i.isUp() && !i.isLoopback();
            } catch (java.net.SocketException e) {
                return false;
            }
        }).flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof java.net.Inet4Address)
                .findFirst().orElse(null);
        Assumptions.assumeTrue(external != null, "no non-loopback address on this machine");
        int port = URI.create(node.managementUrl()).getPort();
        try (Socket s = new Socket()) {
            s.connect(new java.net.InetSocketAddress(external, port), 2000);
            throw new AssertionError("management answers on " + external);
        } catch (java.net.ConnectException expected) {
            // refused: nothing listens there
        }
    }

    @Test
    void theDataDirectoryIsPrivate() throws Exception {
        Set<PosixFilePermission> others = Set.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_EXECUTE);
        Path db = node.dataDir().resolve("db");
        assertTrue(Files.list(db).findAny().isPresent(), "the database exists");
        try (var walk = Files.walk(node.dataDir())) {
            walk.filter(p -> !p.getFileName().toString().equals("launcher.log")).forEach(p -> {
                try {
                    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                    assertTrue(perms.stream().noneMatch(others::contains), p + " is " + perms);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }
}
