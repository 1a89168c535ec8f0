package org.edgeway.web.maintenance;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.edgeway.services.diagnostics.DiagnosticLogState;
import org.edgeway.services.diagnostics.DiagnosticLogging;
import org.edgeway.web.faces.SaveAction;

/**
 * Maintenance &gt; Diagnostics &gt; Diagnostic logging: Start new log, Add marker, Stop logging, Collect log,
 * Download log, each enabled when the seed's order allows it. The state lives in the service, so a reload shows it.
 */
@Named
@ViewScoped
public class DiagnosticLoggingPage implements Serializable {

    @Inject
    private DiagnosticLogging logging;
    @Inject
    private SaveAction save;
    @Inject
    private FileResponse fileResponse;

    private boolean debug = true;
    private String marker;

    public DiagnosticLogState getState() {
        return logging.state();
    }

    public void start() {
        save.run("loggingForm", "Diagnostic logging started", () -> logging.start(debug));
    }

    public void addMarker() {
        if (save.run("loggingForm", "Marker added", () -> logging.addMarker(marker))) {
            marker = null;
        }
    }

    public void stop() {
        save.run("loggingForm", "Diagnostic logging stopped", logging::stop);
    }

    public void collect() {
        save.run("loggingForm", "Log collected: download it", logging::collect);
    }

    /** Full POST: the answer is the archive. */
    public void download() {
        Path[] zip = new Path[1];
        if (save.run("loggingForm", null, () -> zip[0] = logging.collected())) {
            try {
                fileResponse.send(logging.collectedFileName(), "application/zip", Files.size(zip[0]),
                        Files.newInputStream(zip[0]));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public boolean isDebug() {
        return debug;
    }

    public void setDebug(boolean debug) {
        this.debug = debug;
    }

    public String getMarker() {
        return marker;
    }

    public void setMarker(String marker) {
        this.marker = marker;
    }
}
