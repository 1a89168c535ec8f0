package org.edgeway.engine.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.edgeway.engine.TestPorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stub resolver against a real DNS server: dnsmasq (Debian dnsmasq-base) on loopback, authoritative for
 * example.com with the records an MRA deployment publishes (seed 001: _collab-edge._tls, _cisco-uds._tcp; TURN).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DnsClientTest {

    private static final String LONG = "x".repeat(250);

    Path dir;
    Process dnsmasq;
    InetSocketAddress server;
    final DnsClient client = new DnsClient(Duration.ofMillis(500));

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        dir = tmp;
        int port = TestPorts.port();
        server = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        dnsmasq = new ProcessBuilder("dnsmasq", "--keep-in-foreground", "--conf-file=/dev/null", "--no-resolv",
                "--no-hosts", "--bind-interfaces", "--listen-address=127.0.0.1", "--port=" + port, "--pid-file=",
                "--user=root", "--local=/example.com/",
                "--host-record=expe.example.com,192.0.2.10,2001:db8::10",
                "--cname=alias.example.com,expe.example.com",
                "--srv-host=_collab-edge._tls.example.com,expe.example.com,8443,10,60",
                "--srv-host=_turn._udp.example.com,expe.example.com,3478,10,10",
                "--naptr-record=example.com,10,50,S,SIPS+D2T,,_sips._tcp.example.com",
                "--txt-record=big.example.com," + LONG + "," + LONG + "," + LONG)
                .redirectErrorStream(true).redirectOutput(dir.resolve("dnsmasq.log").toFile()).start();
        for (int i = 0; i < 100; i++) {
            try {
                client.query(server, "expe.example.com", RecordType.A);
                return;
            } catch (IOException e) {
                assertTrue(dnsmasq.isAlive(), () -> "dnsmasq exited: " + read("dnsmasq.log"));
            }
        }
        throw new AssertionError("dnsmasq never answered: " + read("dnsmasq.log"));
    }

    @AfterAll
    void stop() throws Exception {
        if (dnsmasq != null) {
            dnsmasq.destroy();
            if (!dnsmasq.waitFor(10, TimeUnit.SECONDS)) {
                dnsmasq.destroyForcibly();
            }
        }
    }

    @Test
    void addressesOfBothFamilies() throws Exception {
        DnsAnswer a = client.query(server, "expe.example.com", RecordType.A);
        assertEquals("NOERROR", a.rcodeName());
        assertEquals(List.of(new DnsRecord("expe.example.com", RecordType.A, a.answers().get(0).ttl(), "192.0.2.10")),
                a.answers());
        assertEquals("UDP", a.transport());
        DnsAnswer aaaa = client.query(server, "expe.example.com.", RecordType.AAAA);
        assertEquals("2001:db8:0:0:0:0:0:10", aaaa.answers().get(0).data());
    }

    @Test
    void srvRecordsOfMobileAndRemoteAccessAndTurn() throws Exception {
        DnsAnswer srv = client.query(server, "_collab-edge._tls.example.com", RecordType.SRV);
        assertEquals(1, srv.answers().size(), srv::toString);
        assertEquals("10 60 8443 expe.example.com", srv.answers().get(0).data());
        assertEquals("10 10 3478 expe.example.com",
                client.query(server, "_turn._udp.example.com", RecordType.SRV).answers().get(0).data());
    }

    @Test
    void aCnameIsFollowedByTheServerAndCompressedNamesAreRead() throws Exception {
        DnsAnswer a = client.query(server, "alias.example.com", RecordType.A);
        assertEquals(RecordType.CNAME, a.answers().get(0).type());
        assertEquals("expe.example.com", a.answers().get(0).data());
        assertEquals(new DnsRecord("expe.example.com", RecordType.A, a.answers().get(1).ttl(), "192.0.2.10"),
                a.answers().get(1));
    }

    @Test
    void naptrAndAnUnknownName() throws Exception {
        assertEquals("10 50 \"S\" \"SIPS+D2T\" \"\" _sips._tcp.example.com",
                client.query(server, "example.com", RecordType.NAPTR).answers().get(0).data());
        DnsAnswer none = client.query(server, "nothere.example.com", RecordType.A);
        assertEquals("NXDOMAIN", none.rcodeName());
        assertTrue(none.answers().isEmpty());
    }

    @Test
    void aTruncatedAnswerIsAskedAgainOverTcp() throws Exception {
        DnsAnswer big = client.query(server, "big.example.com", RecordType.TXT);
        assertEquals("TCP", big.transport(), "longer than 512 octets: truncated over UDP");
        assertEquals("\"" + LONG + "\" \"" + LONG + "\" \"" + LONG + "\"", big.answers().get(0).data());
    }

    @Test
    void aSilentServerTimesOut() throws Exception {
        InetSocketAddress silent = new InetSocketAddress(InetAddress.getLoopbackAddress(), TestPorts.port());
        try (var socket = new java.net.DatagramSocket(silent)) { // bound, never answers
            assertThrows(SocketTimeoutException.class,
                    () -> new DnsClient(Duration.ofMillis(100)).query(silent, "expe.example.com", RecordType.A));
        }
    }

    private String read(String file) {
        try {
            return java.nio.file.Files.readString(dir.resolve(file));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
