package org.edgeway.services.calls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/** The CSV of Status &gt; Calls &gt; History (RFC 4180: quoted where needed, CRLF line ends), one row per call. */
public final class CallHistoryCsv {

    public static final String HEADER = csv(List.of("Serial number", "Tag", "Start time", "End time",
            "Duration (s)", "Source alias", "Destination alias", "Protocol", "Status", "Disconnect reason",
            "Bandwidth (kbps)", "ICE Passthrough call type"));

    private CallHistoryCsv() {
    }

    /** Writes the header and every filtered call to {@code out} while the history is read (nothing is held). */
    public static void write(CallHistory history, CallHistoryFilter filter, CallHistorySort sort, Writer out)
            throws IOException {
        out.write(HEADER);
        try {
            history.export(filter, sort, row -> {
                try {
                    out.write(line(row));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }

    public static String line(CallRow r) {
        return csv(List.of(r.serialNumber(), text(r.tag()), r.start().toString(), text(r.end()),
                Long.toString(r.durationSeconds()), r.sourceAlias(), r.destinationAlias(), text(r.protocol()),
                r.status(), r.disconnectReason(), Long.toString(r.bandwidthKbps()), r.iceCallType()));
    }

    /** One CSV line of these fields, ending in CRLF. */
    public static String csv(List<String> fields) {
        StringBuilder b = new StringBuilder();
        for (String f : fields) {
            if (b.length() > 0) {
                b.append(',');
            }
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                b.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                b.append(f);
            }
        }
        return b.append("\r\n").toString();
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }
}
