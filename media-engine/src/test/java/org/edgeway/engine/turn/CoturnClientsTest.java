package org.edgeway.engine.turn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.edgeway.engine.Engine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Interoperability with coturn's real clients (Debian coturn 4.6.1): {@code turnutils_uclient} relays 10 clients x
 * 1000 messages through our server over UDP and TCP, with channels and with Send indications, and must lose none
 * over TCP and at most 1 % over UDP;
 * over TLS ({@code -S}) 2-3 clients x 50 messages; {@code turnutils_stunclient} gets a Binding answer only when
 * unauthenticated Binding is allowed. Skipped only if
 * the binaries are absent.
 */
class CoturnClientsTest {

    static final Path UCLIENT = Path.of("/usr/bin/turnutils_uclient");
    static final Path STUNCLIENT = Path.of("/usr/bin/turnutils_stunclient");
    private static final Pattern LOST = Pattern.compile("Total lost packets (\\d+)");
    private static final Pattern TOTALS = Pattern.compile("tot_send_msgs=(\\d+), tot_recv_msgs=(\\d+)");

    private static Engine engine;
    private static int port;
    private static int tcp443;
    private static int tls;
    private static Path keyStore;

    @BeforeAll
    static void startServer() {
        Assumptions.assumeTrue(Files.isExecutable(UCLIENT), "coturn's turnutils_uclient is not installed");
        try {
            keyStore = Files.createTempFile("turn-tls", ".p12");
            Files.write(keyStore, TurnTestSupport.keyStore("turn.example", TurnTestSupport.KEYSTORE_PASSWORD));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        engine = TurnTestSupport.start(b -> b.tcp443Enabled(true).tcp443Port(0).sharedSecret("north")
                .tlsEnabled(true).tlsPort(0).tlsKeyStore(keyStore)
                .tlsKeyStorePassword(TurnTestSupport.KEYSTORE_PASSWORD), null);
        tls = engine.service(TurnService.class).server().tlsAddress().getPort();
        port = TurnTestSupport.udp(engine).getPort();
        List<java.net.InetSocketAddress> tcp = engine.service(TurnService.class).server().tcpAddresses();
        tcp443 = tcp.get(tcp.size() - 1).getPort();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (engine != null) {
            engine.close();
        }
        if (keyStore != null) {
            Files.deleteIfExists(keyStore);
        }
    }

    /**
     * Runs a coturn tool with a hard timeout, output to a temp file (no pipes to race with process exit); the process
     * is always destroyed and reaped.
     */
    static String run(List<String> command, int timeoutSeconds) throws Exception {
        Path log = Files.createTempFile("coturn-client", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new AssertionError(command.get(0) + " timed out:\n" + Files.readString(log));
            }
            return Files.readString(log, StandardCharsets.UTF_8) + "\n[exit " + process.exitValue() + "]";
        } finally {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(log);
        }
    }

    private static void uclient(int serverPort, int clients, int messages, String... flags) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(UCLIENT.toString()));
        cmd.addAll(List.of(flags));
        if (!List.of(flags).contains("-W")) {
            cmd.addAll(List.of("-u", TurnTestSupport.USER, "-w", TurnTestSupport.PASSWORD));
        }
        // UDP: a message every 5 ms per client (2 000/s for 10 clients) rather than every 1 ms, so a process that a
        // busy host leaves unscheduled for a few tens of milliseconds does not overflow a socket buffer
        boolean udp = !List.of(flags).contains("-t");
        cmd.addAll(List.of("-p", String.valueOf(serverPort), "-y", "-m", String.valueOf(clients),
                "-n", String.valueOf(messages), "-l", "172", "-z", udp ? "5" : "1", "127.0.0.1"));
        String out = run(cmd, 90);
        Matcher lost = LOST.matcher(out);
        assertTrue(lost.find(), () -> "no loss report from uclient:\n" + out);
        Matcher totals = TOTALS.matcher(out);
        long sent = -1;
        long received = -1;
        while (totals.find()) {
            sent = Long.parseLong(totals.group(1));
            received = Long.parseLong(totals.group(2));
        }
        assertTrue(sent >= (long) clients * messages, () -> "too few sent:\n" + out);
        // TCP and TLS are reliable: nothing may go missing. UDP on a busy host may drop a datagram when a socket
        // buffer is full (the kernel, not the relay), so a relay that loses more than 1 % fails.
        long tolerated = udp ? sent / 100 : 0;
        long missing = sent - received;
        long lostPackets = Long.parseLong(lost.group(1));
        assertTrue(missing >= 0 && missing <= tolerated && lostPackets <= tolerated,
                () -> "lost more than " + tolerated + " of the packets:\n" + out);
    }

    @Test
    void udpWithChannels() throws Exception {
        uclient(port, 10, 1000);
    }

    @Test
    void udpWithSendIndications() throws Exception {
        uclient(port, 10, 1000, "-s");
    }

    @Test
    void tcpWithChannels() throws Exception {
        uclient(port, 10, 1000, "-t");
    }

    @Test
    void tcpWithSendIndications() throws Exception {
        uclient(port, 10, 1000, "-t", "-s");
    }

    /** {@code -S}: TLS for TCP ("turns:"), coturn's OpenSSL client against our JDK TLS listener. */
    @Test
    void tlsWithChannelsAndWithSendIndications() throws Exception {
        String help = run(List.of(UCLIENT.toString()), 10);
        Assumptions.assumeTrue(help.contains("-S"), "this turnutils_uclient has no TLS option");
        uclient(tls, 3, 50, "-t", "-S");
        uclient(tls, 2, 50, "-t", "-S", "-s");
        assertTrue(engine.snapshot().service(TurnService.KEY).listeningAddresses().contains("TLS 127.0.0.1:" + tls));
    }

    @Test
    void tcp443ListenerAndRestApiCredentials() throws Exception {
        uclient(tcp443, 2, 100, "-t");
        uclient(port, 2, 100, "-W", "north", "-u", "dave");
        TurnSnapshot s = engine.snapshot().service(TurnService.KEY);
        assertTrue(s.listeningAddresses().contains("TCP 127.0.0.1:" + tcp443), s.listeningAddresses()::toString);
        assertTrue(s.counters().allocationsCreated() > 0);
    }

    @Test
    void stunclientIsRefusedByDefaultAndAnsweredWhenAllowed() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(STUNCLIENT), "turnutils_stunclient is not installed");
        String refused = run(List.of(STUNCLIENT.toString(), "-p", String.valueOf(port), "127.0.0.1"), 30);
        assertTrue(refused.contains("401") && !refused.contains("reflexive addr"), () -> "output: " + refused);
        try (Engine open = TurnTestSupport.start(b -> b.allowUnauthenticatedStunBinding(true), null)) {
            int openPort = TurnTestSupport.udp(open).getPort();
            String answered = run(List.of(STUNCLIENT.toString(), "-p", String.valueOf(openPort), "127.0.0.1"), 30);
            assertTrue(answered.contains("UDP reflexive addr: 127.0.0.1:"), answered);
        }
    }
}
