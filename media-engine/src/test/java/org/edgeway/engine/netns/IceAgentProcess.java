package org.edgeway.engine.netns;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The test's end of an {@link IceAgentMain} process in a namespace: starts it with this JVM's class path, reads
 * its lines, writes the peer's, and stops it by its pid ({@code ip netns exec} execs the JVM, so the process is
 * the agent itself). Its standard error goes to a file in target/ for a failed test's reader.
 */
public final class IceAgentProcess implements AutoCloseable {

    /** What the agent wrote before "gathered": its ICE credentials and candidates. */
    public record Description(String ufrag, String pwd, List<String> candidates) {
    }

    /** The pair ICE selected, as the agent reported it. */
    public record Selected(String localCandidate, String remoteAddress, int remotePort, String remoteType) {
    }

    private static final Duration WAIT = Duration.ofSeconds(60); // an upper bound on a loaded host, not a delay

    private final Process process;
    private final PrintStream in;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Description description;
    private final Path log;

    /**
     * @param agentArguments as {@link IceAgentMain} takes them
     */
    public IceAgentProcess(NatTopology.Endpoint endpoint, List<String> agentArguments, Path log) throws IOException {
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                IceAgentMain.class.getName()));
        java.addAll(agentArguments);
        this.log = log;
        process = new ProcessBuilder(NatTopology.inside(endpoint, java)).redirectError(log.toFile()).start();
        in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(this::read, "ice-agent-" + endpoint.namespace());
        reader.setDaemon(true);
        reader.start();
        description = readDescription();
    }

    private void read() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the process ended
        }
        lines.add("exited");
    }

    private Description readDescription() throws IOException {
        String ufrag = null;
        String pwd = null;
        List<String> candidates = new ArrayList<>();
        String line;
        while (!(line = next()).equals("gathered")) {
            String value = line.substring(line.indexOf(' ') + 1);
            if (line.startsWith("ufrag ")) {
                ufrag = value;
            } else if (line.startsWith("pwd ")) {
                pwd = value;
            } else if (line.startsWith("candidate ")) {
                candidates.add(value);
            }
        }
        return new Description(ufrag, pwd, candidates);
    }

    /** The next line of the agent, failing after the wait or when it exited (naming its log). */
    private String next() throws IOException {
        try {
            String line = lines.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (line == null || line.equals("exited")) {
                throw new AssertionError("the ICE agent " + (line == null ? "said nothing for " + WAIT : "exited")
                        + "; its log: " + log);
            }
            return line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    public Description description() {
        return description;
    }

    /** Hands the agent its peer's credentials and candidates (as they reached this side) and starts the checks. */
    public void check(String ufrag, String pwd, List<String> candidates) {
        in.println("ufrag " + ufrag);
        in.println("pwd " + pwd);
        candidates.forEach(c -> in.println("candidate " + c));
        in.println("check");
    }

    /** The pair ICE selected; an AssertionError if ICE failed or took longer than the wait. */
    public Selected selected() throws IOException {
        String line = next();
        if (!line.startsWith("selected ")) {
            throw new AssertionError("ICE did not complete: " + line);
        }
        String[] parts = line.substring("selected ".length()).split("\\|");
        String[] remote = parts[1].split(" ");
        return new Selected(parts[0], remote[0], Integer.parseInt(remote[1]), remote[2]);
    }

    /** Sends a text datagram on the selected pair. */
    public void send(String text) {
        in.println("send " + text);
    }

    /** The next text the agent received on its selected pair. */
    public String received() throws IOException {
        String line = next();
        if (!line.startsWith("received ")) {
            throw new AssertionError("expected a datagram, the agent said: " + line);
        }
        return line.substring("received ".length());
    }

    /** The agent's process id (what close stops). */
    public long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        in.close();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
