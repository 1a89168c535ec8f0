package org.edgeway.engine.sip;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real SIPp (Debian sip-tester) as a process (engine tests and the deployed-node ITs): output to a file, stdin closed, a hard timeout, and every
 * process started is stopped by {@link #close()} (tests call it in @AfterEach).
 */
public final class Sipp implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/sipp");

    private final List<Process> processes = new ArrayList<>();
    private final Path dir;

    public Sipp() {
        try {
            dir = Files.createTempDirectory("sipp");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** A scenario from the test resources (sip/sipp/NAME), with placeholders replaced (pairs of from, to). */
    public Path scenario(String name, String... replacements) {
        // read as a stream: from another module the scenarios sit inside this module's test jar
        try (var in = Sipp.class.getResourceAsStream("/sip/sipp/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no SIPp scenario " + name);
            }
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            for (int i = 0; i + 1 < replacements.length; i += 2) {
                text = text.replace(replacements[i], replacements[i + 1]);
            }
            Path out = dir.resolve(processes.size() + "-" + name);
            Files.writeString(out, text, java.nio.charset.StandardCharsets.ISO_8859_1);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts sipp with the arguments (in its own working directory, so its logs stay there). */
    public Run start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "-nostdin", "-trace_err"));
        command.addAll(List.of(args));
        Path log = dir.resolve("sipp-" + processes.size() + ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        synchronized (processes) {
            processes.add(p);
        }
        return new Run(p, log, dir);
    }

    /** One sipp process. */
    public record Run(Process process, Path log, Path dir) {

        /** Waits for its exit; the exit code (0 = every call succeeded). */
        public int exitCode(int timeoutSeconds) throws InterruptedException {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new AssertionError("sipp did not finish in " + timeoutSeconds + " s:\n" + output());
            }
            return process.exitValue();
        }

        /** Its console output and any error traces, for failure messages. */
        public String output() {
            StringBuilder b = new StringBuilder();
            try {
                b.append(Files.readString(log));
                try (var files = Files.list(dir)) {
                    for (Path p : files.filter(f -> f.toString().endsWith("_errors.log")).toList()) {
                        b.append("\n--- ").append(p.getFileName()).append('\n').append(Files.readString(p));
                    }
                }
            } catch (IOException e) {
                b.append("(log unreadable: ").append(e).append(')');
            }
            String s = b.toString();
            return s.length() > 6000 ? s.substring(s.length() - 6000) : s;
        }
    }

    @Override
    public void close() throws InterruptedException {
        synchronized (processes) {
            for (Process p : processes) {
                p.destroy();
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
            processes.clear();
        }
    }
}
