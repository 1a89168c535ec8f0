package org.edgeway.web.status.calls;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.edgeway.services.calls.ActiveCalls;
import org.edgeway.services.calls.CallDetail;
import org.edgeway.services.calls.CallHistory;

/**
 * The call detail record ({@code /status/calls/call?serial=...}): a stored call, or an active one with its current
 * counters; every field, the components (the B2BUA leg marked) and their media channels.
 */
@Named
@RequestScoped
public class CallDetailPage {

    @Inject
    private CallHistory history;
    @Inject
    private ActiveCalls active;

    private String serial;
    private CallDetail detail;

    /** Called by the view's viewAction once {@code serial} is set. */
    public void load() {
        if (serial != null) {
            detail = history.detail(serial).or(() -> active.detail(serial)).orElse(null);
        }
    }

    public String getSerial() {
        return serial;
    }

    public void setSerial(String serial) {
        this.serial = serial;
    }

    public CallDetail getDetail() {
        return detail;
    }
}
