package org.edgeway.services.hsm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs {@link TokenProbe} {@code check} in its own JVM (see there why), with the server tools edgeway.sh uses. */
final class ProbeProcess {

    private static final long TIMEOUT_SECONDS = 30;

    private ProbeProcess() {
    }

    /** Empty when the token answers with this node's settings; else the reason. */
    static Optional<String> check() {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path lib = Path.of(System.getProperty("jboss.home.dir", "."), "edgeway", "lib");
        List<String> command = List.of(java, "-cp", lib + "/*", TokenProbe.class.getName(), "check",
                System.getProperty("edgeway.data.dir", "."));
        Process p = null;
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().keySet().removeAll(List.of("JDK_JAVA_OPTIONS", HsmConfiguration.PIN_VARIABLE));
            p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                return Optional.of("the token check did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return p.exitValue() == 0 ? Optional.empty() : Optional.of(out.isEmpty() ? "the token check failed" : out);
        } catch (IOException e) {
            return Optional.of("cannot run the token check: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        } finally {
            if (p != null) {
                p.destroyForcibly();
            }
        }
    }
}
