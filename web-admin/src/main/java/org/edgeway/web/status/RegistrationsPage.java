package org.edgeway.web.status;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.util.List;
import org.edgeway.services.sip.SipStatus;
import org.edgeway.services.sip.SipSummary;
import org.edgeway.services.sip.SipUnavailableException;
import org.edgeway.web.faces.CheckboxList;
import org.edgeway.web.faces.SaveAction;

/**
 * Status &gt; Registrations, either view: the SIP state line, the rows, and Unregister on the ticked rows. What SIP
 * cannot do now (it does not run) is a banner, not an error page.
 *
 * @param <T> row type
 */
abstract class RegistrationsPage<T> extends CheckboxList<T> {

    @Inject
    protected SipStatus sip;
    @Inject
    private SaveAction save;

    private SipSummary summary;

    private final String formId;

    RegistrationsPage(String formId) {
        this.formId = formId;
    }

    /** The address of record a row stands for. */
    protected abstract String addressOfRecord(T row);

    @PostConstruct
    public void refresh() {
        summary = sip.summary();
        reload();
    }

    public void unregister() {
        try {
            onSelected(save, formId, "un-registered", rows -> sip.unregister(aliases(rows)));
        } catch (SipUnavailableException e) {
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Not un-registered: " + e.getMessage(),
                    null));
            faces.validationFailed();
        }
    }

    public SipSummary getSummary() {
        return summary;
    }

    private List<String> aliases(List<T> rows) {
        return rows.stream().map(this::addressOfRecord).distinct().toList();
    }
}
