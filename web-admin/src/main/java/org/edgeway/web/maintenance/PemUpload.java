package org.edgeway.web.maintenance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.edgeway.services.validation.InvalidSettingsException;

/** PEM text from an upload form: the chosen file (bounded) followed by the pasted text. */
@ApplicationScoped
public class PemUpload {

    /** Bounds what one upload makes the server read (a certificate bundle is a few kilobytes). */
    static final int MAX_FILE_BYTES = 1 << 20;

    public String text(Part file, String pasted) {
        return (read(file) + (pasted == null ? "" : "\n" + pasted)).strip();
    }

    private static String read(Part file) {
        if (file == null || file.getSize() == 0) {
            return "";
        }
        if (file.getSize() > MAX_FILE_BYTES) {
            throw new InvalidSettingsException(Map.of("file", "is larger than 1 MiB: a certificate file is far smaller"));
        }
        try (InputStream in = file.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file", e);
        }
    }
}
