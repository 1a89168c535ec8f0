package org.edgeway.services.diagnostics;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.edgeway.services.backup.BackupRestore;
import org.edgeway.services.security.Caller;
import org.edgeway.services.validation.InvalidSettingsException;

/**
 * Maintenance &gt; Diagnostics &gt; Diagnostic logging (P54): Start new log (optionally with the SIP, TURN and media
 * loggers of the engine at debug level, put back at Stop), Add marker (a {@code DEBUG_MARKER} line), Stop logging,
 * Collect log (a zip of the log written in the window, the server log and a configuration summary with secrets
 * masked), Download log. The state and the files live in {@code <data dir>/diagnostics}, so a page reload or a
 * restart keeps them; a restart ends a window that was running.
 */
@Singleton
@Startup // a window the previous server process left running ends at this start
public class DiagnosticLogging {

    public static final String MARKER_TAG = "DEBUG_MARKER";
    /** The field errors name: the action refused, or the marker text. */
    public static final String ACTION_FIELD = "log";
    public static final String MARKER_FIELD = "marker";
    static final int MAX_MARKER = 256;
    /** The engine's categories Start new log raises to debug when asked. */
    static final List<String> ENGINE_CATEGORIES = List.of("org.edgeway.engine.sip", "org.edgeway.engine.turn",
            "org.edgeway.engine.b2bua", "org.edgeway.engine.calls", "org.edgeway.engine.rtp");

    private static final Logger LOG = Logger.getLogger(DiagnosticLogging.class.getName());

    @Inject
    private Caller caller;
    @Inject
    private BackupRestore backupRestore;

    private DiagnosticLogState state = DiagnosticLogState.IDLE;
    private DiagnosticLogHandler handler;
    /** The engine loggers raised to debug and their levels before (strong references keep them configured). */
    private final Map<Logger, Level> raised = new LinkedHashMap<>();

    @PostConstruct
    void load() {
        state = readState();
        if (state.isLogging()) { // the window ended with the previous server process
            state = new DiagnosticLogState(DiagnosticLogState.Status.STOPPED, state.startedAt(), state.startedBy(),
                    state.debug(), Instant.now(), state.collectedAt(), state.collectedBytes());
            writeState();
        }
    }

    public DiagnosticLogState state() {
        return state;
    }

    public void start(boolean debug) {
        caller.requireWrite();
        if (state.isLogging()) {
            throw refused("Diagnostic logging is already running: stop it first");
        }
        try {
            Files.createDirectories(dir());
            Files.deleteIfExists(bundle());
            handler = new DiagnosticLogHandler(logFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the diagnostic log", e);
        }
        Logger.getLogger("").addHandler(handler);
        if (debug) {
            for (String category : ENGINE_CATEGORIES) {
                Logger l = Logger.getLogger(category);
                raised.put(l, l.getLevel());
                l.setLevel(Level.FINE);
            }
        }
        state = new DiagnosticLogState(DiagnosticLogState.Status.LOGGING, Instant.now(), caller.name(), debug, null,
                null, 0);
        writeState();
        LOG.info(() -> "Diagnostic logging started by " + caller.name() + (debug ? " (engine at debug level)" : ""));
    }

    public void addMarker(String text) {
        caller.requireWrite();
        if (!state.isLogging()) {
            throw refused("Diagnostic logging is not running: start a new log first");
        }
        String marker = text == null ? "" : text.strip();
        if (marker.isEmpty() || marker.length() > MAX_MARKER || marker.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidSettingsException(Map.of(MARKER_FIELD, "must be 1 to " + MAX_MARKER
                    + " characters on one line"));
        }
        LOG.info(() -> MARKER_TAG + " " + marker);
    }

    public void stop() {
        caller.requireWrite();
        if (!state.isLogging()) {
            throw refused("Diagnostic logging is not running");
        }
        LOG.info(() -> "Diagnostic logging stopped by " + caller.name());
        detach();
        state = new DiagnosticLogState(DiagnosticLogState.Status.STOPPED, state.startedAt(), state.startedBy(),
                state.debug(), Instant.now(), null, 0);
        writeState();
    }

    /** Builds the archive to download (again at will once logging has stopped). */
    public DiagnosticLogState collect() {
        caller.requireWrite();
        if (!state.canCollect()) {
            throw refused(state.isLogging() ? "Stop logging before collecting the log" : "Start a new log first");
        }
        Path tmp;
        try {
            tmp = Files.createTempFile(dir(), "bundle", ".tmp");
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp))) {
                add(zip, "diagnostic.log", logFile());
                Path serverLog = Path.of(System.getProperty("jboss.server.log.dir", "."), "server.log");
                if (Files.exists(serverLog)) {
                    add(zip, "server.log", serverLog);
                }
                zip.putNextEntry(new ZipEntry("configuration.json"));
                zip.write(backupRestore.summary().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry("README.txt"));
                zip.write(("Edgeway diagnostic log\nstarted " + state.startedAt() + " by " + state.startedBy()
                        + (state.debug() ? " (engine at debug level)" : "") + "\nstopped " + state.stoppedAt()
                        + "\ncollected " + Instant.now() + "\n\ndiagnostic.log: every log line of the node in that"
                        + " window\nserver.log: the server log as it was when collected\nconfiguration.json: the"
                        + " configuration, secrets masked\n").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            Files.move(tmp, bundle(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            state = new DiagnosticLogState(state.status(), state.startedAt(), state.startedBy(), state.debug(),
                    state.stoppedAt(), Instant.now(), Files.size(bundle()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot collect the diagnostic log", e);
        }
        writeState();
        return state;
    }

    /** The collected archive; refused before Collect log. Write access: the server log is in it. */
    public Path collected() {
        caller.requireWrite();
        if (!state.canDownload() || !Files.exists(bundle())) {
            throw refused("No collected log: Collect log first");
        }
        return bundle();
    }

    /** The archive's name for a download: {@code diagnostic-log-<start>.zip}. */
    public String collectedFileName() {
        return "diagnostic-log-" + state.startedAt().toString().replace(':', '-') + ".zip";
    }

    private void detach() {
        if (handler != null) {
            Logger.getLogger("").removeHandler(handler);
            handler.close();
            handler = null;
        }
        raised.forEach(Logger::setLevel);
        raised.clear();
    }

    private static void add(ZipOutputStream zip, String name, Path file) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                in.transferTo(zip);
            }
        }
        zip.closeEntry();
    }

    private static InvalidSettingsException refused(String message) {
        return new InvalidSettingsException(Map.of(ACTION_FIELD, message));
    }

    private DiagnosticLogState readState() {
        Path f = dir().resolve("state.properties");
        if (!Files.exists(f)) {
            return DiagnosticLogState.IDLE;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(f)) {
            p.load(in);
            return new DiagnosticLogState(DiagnosticLogState.Status.valueOf(p.getProperty("status")),
                    instant(p, "startedAt"), p.getProperty("startedBy"), Boolean.parseBoolean(p.getProperty("debug")),
                    instant(p, "stoppedAt"), instant(p, "collectedAt"),
                    Long.parseLong(p.getProperty("collectedBytes", "0")));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "unreadable diagnostic logging state " + f + ": starting idle", e);
            return DiagnosticLogState.IDLE;
        }
    }

    private void writeState() {
        Properties p = new Properties();
        p.setProperty("status", state.status().name());
        put(p, "startedAt", state.startedAt());
        put(p, "startedBy", state.startedBy());
        p.setProperty("debug", String.valueOf(state.debug()));
        put(p, "stoppedAt", state.stoppedAt());
        put(p, "collectedAt", state.collectedAt());
        p.setProperty("collectedBytes", String.valueOf(state.collectedBytes()));
        try {
            Files.createDirectories(dir());
            try (OutputStream out = Files.newOutputStream(dir().resolve("state.properties"))) {
                p.store(out, "Maintenance > Diagnostics > Diagnostic logging");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the diagnostic logging state", e);
        }
    }

    private static void put(Properties p, String key, Object value) {
        if (value != null) {
            p.setProperty(key, value.toString());
        }
    }

    private static Instant instant(Properties p, String key) {
        String v = p.getProperty(key);
        return v == null ? null : Instant.parse(v);
    }

    private static Path dir() {
        return Path.of(System.getProperty("edgeway.data.dir", "."), "diagnostics");
    }

    private static Path logFile() {
        return dir().resolve("diagnostic.log");
    }

    private static Path bundle() {
        return dir().resolve("diagnostic-log.zip");
    }
}
