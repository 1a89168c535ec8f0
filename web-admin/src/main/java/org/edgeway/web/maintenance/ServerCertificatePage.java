package org.edgeway.web.maintenance;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import org.edgeway.services.certificates.ServerCertificateView;
import org.edgeway.services.certificates.ServerCertificates;
import org.edgeway.web.faces.SaveAction;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * Maintenance &gt; Security &gt; Server certificate: the certificate in use, the one waiting for the restart, the
 * pending CSR (shown, downloaded, discarded) and the upload of the signed certificate.
 */
@Named
@ViewScoped
public class ServerCertificatePage implements Serializable {

    @Inject
    private ServerCertificates certificates;
    @Inject
    private SaveAction save;
    @Inject
    private PemUpload upload;

    private ServerCertificateView inUse;
    private ServerCertificateView waiting;
    private String request;
    private String pem;
    private transient Part file;

    @PostConstruct
    void load() {
        inUse = certificates.inUse();
        waiting = certificates.waitingForRestart().orElse(null);
        request = certificates.pendingRequest().orElse(null);
    }

    public void upload() {
        if (save.run("uploadForm", "Server certificate uploaded. You must restart the Expressway for the new server"
                + " certificate to take effect.", () -> certificates.upload(upload.text(file, pem)))) {
            pem = null;
        }
        load();
    }

    public void discardRequest() {
        save.run("csrForm", "Certificate signing request discarded", certificates::discardRequest);
        load();
    }

    public StreamedContent getRequestFile() {
        byte[] bytes = request == null ? new byte[0] : request.getBytes(StandardCharsets.US_ASCII);
        return DefaultStreamedContent.builder().name("certificate-signing-request.pem").contentType("application/pkcs10")
                .contentLength((long) bytes.length).stream(() -> new ByteArrayInputStream(bytes)).build();
    }

    public ServerCertificateView getInUse() {
        return inUse;
    }

    public ServerCertificateView getWaiting() {
        return waiting;
    }

    public String getRequest() {
        return request;
    }

    public String getPem() {
        return pem;
    }

    public void setPem(String pem) {
        this.pem = pem;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }
}
