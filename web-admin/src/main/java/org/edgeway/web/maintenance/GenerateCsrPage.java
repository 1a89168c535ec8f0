package org.edgeway.web.maintenance;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.edgeway.services.certificates.CsrForm;
import org.edgeway.services.certificates.SanFormat;
import org.edgeway.services.certificates.ServerCertificates;
import org.edgeway.web.faces.RedirectBanner;
import org.edgeway.web.faces.SaveAction;

/**
 * Generate CSR (from Maintenance &gt; Security &gt; Server certificate): the subject, the alternative names of the
 * node's role with "Alternative name as it will appear" following the fields as they change, and the key.
 */
@Named
@ViewScoped
public class GenerateCsrPage implements Serializable {

    @Inject
    private ServerCertificates certificates;
    @Inject
    private SaveAction save;

    private CsrForm form;
    private boolean expresswayE;
    private String preview;

    @PostConstruct
    void load() {
        form = certificates.newRequestForm();
        expresswayE = certificates.expresswayE();
        refreshPreview();
    }

    public void refreshPreview() {
        preview = certificates.alternativeNamesPreview(form);
    }

    /** Generates the request, then back to the server certificate page where it can be downloaded. */
    public String generate() {
        if (save.run("csrForm", null, () -> certificates.generateRequest(form))) {
            RedirectBanner.next(new FacesMessage(
                    "Certificate signing request generated: download it and have it signed by your CA"));
            return "/maintenance/security/server-certificate?faces-redirect=true";
        }
        return null;
    }

    public CsrForm getForm() {
        return form;
    }

    public boolean isExpresswayE() {
        return expresswayE;
    }

    public String getPreview() {
        return preview;
    }

    public List<Integer> getKeyLengths() {
        return CsrForm.KEY_LENGTHS;
    }

    public List<String> getDigestAlgorithms() {
        return CsrForm.DIGEST_ALGORITHMS;
    }

    public List<SanFormat> getXmppFormats() {
        return List.of(SanFormat.DNS, SanFormat.XMPP_ADDRESS);
    }

    public List<SanFormat> getSrvFormats() {
        return List.of(SanFormat.DNS, SanFormat.SRV_NAME);
    }
}
