package org.edgeway.web.maintenance;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.util.List;
import org.edgeway.services.certificates.CertificateView;
import org.edgeway.services.certificates.TrustedCertificates;
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
    @Inject
    private PemUpload pemUpload;

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
                () -> certificates.upload(pemUpload.text(file, pem)))) {
            pem = null;
            reload();
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
