package org.edgeway.services.diagnostics;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Writes every log record of the node (all categories, at the level each is set to) to the diagnostic log file while
 * diagnostic logging runs: attached to the root logger at Start new log, removed at Stop logging.
 */
final class DiagnosticLogHandler extends Handler {

    private final Writer out;

    DiagnosticLogHandler(Path file) throws IOException {
        this.out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE));
        setLevel(Level.ALL);
    }

    @Override
    public synchronized void publish(LogRecord r) {
        if (r == null || !isLoggable(r)) {
            return;
        }
        try {
            out.write(line(r));
            out.flush();
        } catch (IOException e) {
            reportError("cannot write the diagnostic log", e, ErrorManager.WRITE_FAILURE);
        }
    }

    static String line(LogRecord r) {
        StringBuilder b = new StringBuilder().append(Instant.ofEpochMilli(r.getMillis())).append(' ')
                .append(levelName(r.getLevel())).append(" [").append(r.getLoggerName()).append("] ")
                .append(message(r)).append('\n');
        if (r.getThrown() != null) {
            StringWriter trace = new StringWriter();
            r.getThrown().printStackTrace(new PrintWriter(trace));
            b.append(trace);
        }
        return b.toString();
    }

    private static String levelName(Level level) {
        if (level.intValue() >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (level.intValue() >= Level.WARNING.intValue()) {
            return "WARN";
        }
        return level.intValue() >= Level.INFO.intValue() ? "INFO" : "DEBUG";
    }

    private static String message(LogRecord r) {
        String m = r.getMessage();
        Object[] params = r.getParameters();
        if (m != null && params != null && params.length > 0 && m.contains("{")) {
            try {
                return java.text.MessageFormat.format(m, params);
            } catch (IllegalArgumentException e) {
                return m;
            }
        }
        return m;
    }

    @Override
    public synchronized void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            reportError("cannot flush the diagnostic log", e, ErrorManager.FLUSH_FAILURE);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            reportError("cannot close the diagnostic log", e, ErrorManager.CLOSE_FAILURE);
        }
    }
}
