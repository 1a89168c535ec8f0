package org.edgeway.web.configuration;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.edgeway.services.sip.DigestAlgorithmChoice;
import org.edgeway.services.sip.SipSettingsForm;
import org.edgeway.services.sip.SipSettingsService;
import org.edgeway.services.sip.SipStatus;
import org.edgeway.services.sip.SipSummary;
import org.edgeway.web.faces.SaveAction;

/** Configuration &gt; Protocols &gt; SIP, with the SIP status at the bottom. */
@Named
@ViewScoped
public class SipPage implements Serializable {

    @Inject
    private SipSettingsService sip;
    @Inject
    private SipStatus status;
    @Inject
    private SaveAction save;

    private SipSettingsForm form;
    private SipSummary summary;

    @PostConstruct
    void load() {
        form = sip.form();
        summary = status.summary();
    }

    public void save() {
        if (save.run("sipForm", "Saved", () -> sip.save(form))) {
            form = sip.form();
        }
        summary = status.summary();
    }

    public SipSettingsForm getForm() {
        return form;
    }

    public List<DigestAlgorithmChoice> getDigestAlgorithmChoices() {
        return List.of(DigestAlgorithmChoice.values());
    }

    public SipSummary getStatus() {
        return summary;
    }
}
