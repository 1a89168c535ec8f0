package org.edgeway.services.diagnostics;

import jakarta.json.bind.annotation.JsonbTransient;
import java.io.Serializable;
import java.time.Instant;

/**
 * Maintenance &gt; Diagnostics &gt; Diagnostic logging as the page shows it: idle, logging (since when, by whom,
 * engine at debug level or not) or stopped, and whether a collected log is ready to download.
 */
public record DiagnosticLogState(Status status, Instant startedAt, String startedBy, boolean debug,
        Instant stoppedAt, Instant collectedAt, long collectedBytes) implements Serializable {

    /** The steps of seed 001: Start new log, Stop logging, Collect log, Download log. */
    public enum Status {
        IDLE, LOGGING, STOPPED
    }

    static final DiagnosticLogState IDLE = new DiagnosticLogState(Status.IDLE, null, null, false, null, null, 0);

    @JsonbTransient // the status says it
    public boolean isLogging() {
        return status == Status.LOGGING;
    }

    /** Collect log: once logging has stopped (again at will, to collect anew). */
    public boolean canCollect() {
        return status == Status.STOPPED;
    }

    public boolean canDownload() {
        return collectedAt != null;
    }
}
