package org.edgeway.web.maintenance;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.edgeway.services.certificates.CertificateView;
import org.edgeway.services.certificates.TrustedCertificates;
import org.edgeway.services.validation.InvalidSettingsException;
import org.edgeway.web.faces.CheckboxList;
import org.edgeway.web.faces.SaveAction;

/** Maintenance &gt; Security &gt; Trusted CA certificate: the list, delete, and an upload of PEM text. */
@Named
@ViewScoped
public class TrustedCaPage extends CheckboxList<CertificateView> {

    @Inject
    private TrustedCertificates certificates;
    @Inject
    private SaveAction save;

    /** Bounds what one upload makes the server read (a CA bundle is a few kilobytes). */
    static final int MAX_FILE_BYTES = 1 << 20;

    private String pem;
    private transient Part file;

    @PostConstruct
    void load() {
        reload();
    }

    @Override
    protected List<CertificateView> fetch() {
        return certificates.list();
    }

    /** Adds the certificates of the chosen file and of the pasted text. */
    public void upload() {
        if (save.run("uploadForm", "Certificate(s) added",
                () -> certificates.upload((readFile() + (pem == null ? "" : "\n" + pem)).strip()))) {
            pem = null;
            reload();
        }
    }

    private String readFile() {
        if (file == null || file.getSize() == 0) {
            return "";
        }
        if (file.getSize() > MAX_FILE_BYTES) {
            throw new InvalidSettingsException(Map.of("file", "is larger than 1 MiB: a CA bundle is far smaller"));
        }
        try (InputStream in = file.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file", e);
        }
    }

    public void delete() {
        onSelected(save, "certificatesForm", "certificate(s) deleted",
                rows -> certificates.delete(rows.stream().map(CertificateView::id).toList()));
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    public String getPem() {
        return pem;
    }

    public void setPem(String pem) {
        this.pem = pem;
    }
}
