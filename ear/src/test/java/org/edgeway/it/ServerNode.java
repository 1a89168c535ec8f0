package org.edgeway.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * One Edgeway node started exactly as an administrator starts it ({@code edgeway.sh}) from the WildFly this
 * build provisioned, with its own data directory and port offset. Stopped by its pid.
 */
public final class ServerNode implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Path dataDir;
    private final int offset;
    private final List<String> extraArgs;
    private final java.util.Map<String, String> environment = new java.util.HashMap<>();
    private final List<java.security.cert.X509Certificate> alsoTrusted = new java.util.ArrayList<>();
    private Process launcher;
    private SSLContext trusted;

    public ServerNode(String name, int offsetStep, String... extraArgs) {
        this.dataDir = Path.of(System.getProperty("edgeway.it.dir", "target/it")).resolve(name).toAbsolutePath();
        if (offsetStep < 0 || offsetStep >= NodeOffsets.ARQUILLIAN_STEP || offsetStep % NodeOffsets.NODE_STEP != 0) {
            // +100 of the band is the Arquillian server, which runs throughout the IT phase
            throw new IllegalArgumentException("node step must be a multiple of " + NodeOffsets.NODE_STEP
                    + " below " + NodeOffsets.ARQUILLIAN_STEP + ": " + offsetStep);
        }
        this.offset = NodeOffsets.node() + offsetStep;
        this.extraArgs = List.of(extraArgs);
    }

    public static Path serverHome() {
        return Path.of(System.getProperty("edgeway.server.home", "target/wildfly-39.0.1.Final")).toAbsolutePath();
    }

    /** Deletes any earlier data of this node so the test sees a first start. */
    public ServerNode fresh() throws IOException {
        if (Files.exists(dataDir)) {
            try (var walk = Files.walk(dataDir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return this;
    }

    public ServerNode start() throws Exception {
        List<Integer> busy = NodeOffsets.busyPorts(offset);
        if (!busy.isEmpty()) { // fail now, not after the start timeout
            throw new IllegalStateException("ports " + busy + " of port offset " + offset
                    + " are taken (another server or build?): choose other offsets with -Dit.port.offset");
        }
        Files.createDirectories(dataDir);
        Path log = dataDir.resolve("launcher.log");
        List<String> command = new java.util.ArrayList<>(List.of(
                serverHome().resolve("edgeway/bin/edgeway.sh").toString(),
                "--data", dataDir.toString(), "--offset", String.valueOf(offset), "--bind", "127.0.0.1"));
        command.addAll(extraArgs);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().remove("EDGEWAY_ADMIN_PASSWORD");
        pb.environment().putAll(environment);
        launcher = pb.start();
        try {
            synchronized (this) {
                trusted = null;
            }
            waitUntilDeployed();
            sslContext();
        } catch (Exception | Error e) {
            stop(); // a node that did not come up is still a process: never leave it running
            throw e;
        }
        return this;
    }

    private void waitUntilDeployed() throws Exception {
        Path deployments = dataDir.resolve("server/deployments");
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(deployments.resolve("edgeway.ear.failed"))) {
                throw new IllegalStateException("deployment failed: "
                        + Files.readString(deployments.resolve("edgeway.ear.failed")) + "\n" + serverLogTail());
            }
            synchronized (this) {
                // edgeway.sh may still install an uploaded server certificate: trust what the keystore holds now
                trusted = null;
            }
            if (Files.exists(deployments.resolve("edgeway.ear.deployed")) && httpStatus("/login") == 200) {
                return;
            }
            if (!launcher.isAlive()) {
                throw new IllegalStateException("server exited with " + launcher.exitValue() + "\n" + serverLogTail());
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("server did not start within " + START_TIMEOUT + "\n" + serverLogTail());
    }

    /**
     * Stops the server by its pid (SIGTERM, then SIGKILL after 60 s) and waits until it is gone; before the server
     * wrote its pid file, the launcher's child processes are stopped by their pids instead.
     */
    public void stop() throws Exception {
        Path pidFile = dataDir.resolve("server.pid");
        List<ProcessHandle> server = Files.exists(pidFile)
                ? ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).stream().toList()
                : launcher == null ? List.of() : launcher.descendants().toList();
        server.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : server) {
            try {
                p.onExit().get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                p.destroyForcibly();
                p.onExit().get(10, TimeUnit.SECONDS);
            }
        }
        if (launcher != null) {
            launcher.destroy();
            launcher.waitFor(30, TimeUnit.SECONDS);
            launcher = null;
        }
    }

    /** An environment variable for the node's processes (from the next start), e.g. a PKCS#11 library's own. */
    public ServerNode environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Trusts this CA too, for a node whose certificate a test's CA signed but its key store file does not hold. */
    public synchronized ServerNode trust(java.security.cert.X509Certificate ca) {
        alsoTrusted.add(ca);
        trusted = null;
        return this;
    }

    public void restart() throws Exception {
        stop();
        start();
    }

    /** The pid of the server process (the JVM edgeway.sh runs), from its pid file. */
    public long serverPid() throws IOException {
        return Long.parseLong(Files.readString(dataDir.resolve("server.pid")).trim());
    }

    /**
     * After the node was told to restart itself (Maintenance &gt; Restart options): waits until the server process
     * {@code oldPid} has ended and a new one (same launcher, same data directory) has deployed the console again.
     */
    public void awaitRestartedFrom(long oldPid) throws Exception {
        ProcessHandle.of(oldPid).ifPresent(p -> p.onExit().orTimeout(120, TimeUnit.SECONDS).join());
        Path deployments = dataDir.resolve("server/deployments");
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        // the launcher prepares the node again: the marker of the old deployment goes before the new server starts
        while (Files.exists(deployments.resolve("edgeway.ear.deployed")) && Instant.now().isBefore(deadline)) {
            if (!launcher.isAlive()) {
                throw new IllegalStateException("the launcher exited with " + launcher.exitValue()
                        + " instead of restarting the node\n" + serverLogTail());
            }
            Thread.sleep(200);
        }
        waitUntilDeployed();
        if (serverPid() == oldPid) {
            throw new IllegalStateException("the server process is still " + oldPid);
        }
    }

    /** Waits for the launcher (edgeway.sh) to end by itself, e.g. after a shutdown from the console; its status. */
    public int awaitLauncherExit(Duration timeout) throws Exception {
        if (!launcher.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the launcher is still running after " + timeout);
        }
        return launcher.exitValue();
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    /** The console's home: HTTPS. */
    public String baseUrl() {
        return httpsUrl();
    }

    public String httpsUrl() {
        return "https://127.0.0.1:" + (8443 + offset);
    }

    /** Plain HTTP, which redirects to HTTPS unless the node runs with --lab-http. */
    public String httpUrl() {
        return "http://127.0.0.1:" + (8080 + offset);
    }

    /** The management interface (loopback only). */
    public String managementUrl() {
        return "http://127.0.0.1:" + (9990 + offset);
    }

    /**
     * TLS that trusts exactly this node's own self-signed certificate, nothing else: the one its keystore held when
     * the node last started, which is the one it serves even after a test replaces the file on disk.
     */
    public synchronized SSLContext sslContext() throws Exception {
        if (trusted == null) {
            trusted = loadTrust();
        }
        return trusted;
    }

    private SSLContext loadTrust() throws Exception {
        Properties p = new Properties();
        try (var in = Files.newInputStream(dataDir.resolve("tls/https.properties"))) {
            p.load(in);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(dataDir.resolve("tls/https.p12"))) {
            store.load(in, p.getProperty("edgeway.tls.password").toCharArray());
        }
        for (int i = 0; i < alsoTrusted.size(); i++) {
            store.setCertificateEntry("also-trusted-" + i, alsoTrusted.get(i));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        return tls;
    }

    /** An HTTP client for this node's HTTPS port that follows no redirects. */
    public HttpClient httpClient() throws Exception {
        return HttpClient.newBuilder().sslContext(sslContext()).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path serverLog() {
        return dataDir.resolve("server/log/server.log");
    }

    /** The one-time admin password the first start wrote to the server log. */
    public String oneTimePassword() throws IOException {
        String prefix = "Initial administrator password for 'admin' (one-time, change at first login): ";
        return Files.readAllLines(serverLog(), StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains(prefix))
                .map(l -> l.substring(l.indexOf(prefix) + prefix.length()).trim())
                .reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("no one-time password in the server log"));
    }

    public int httpStatus(String path) {
        try {
            HttpResponse<Void> r = httpClient().send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (Exception e) {
            return -1; // keystore not written yet
        }
    }

    public String serverLogTail() {
        try {
            List<String> lines = Files.readAllLines(serverLog());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no server log: " + e.getMessage() + ")";
        }
    }
}
