package org.edgeway.web.status;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.edgeway.services.sip.SipUnavailableException;

/** The Unregister action of both registration views: what SIP cannot do now is a banner, not an error page. */
final class Unregister {

    private Unregister() {
    }

    static void selected(Runnable action) {
        try {
            action.run();
        } catch (SipUnavailableException e) {
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Not un-registered: " + e.getMessage(),
                    null));
            faces.validationFailed();
        }
    }
}
