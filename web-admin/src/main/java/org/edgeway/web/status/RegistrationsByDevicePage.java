package org.edgeway.web.status;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.edgeway.services.sip.RegistrationRow;
import org.edgeway.services.sip.SipStatus;
import org.edgeway.services.sip.SipSummary;
import org.edgeway.web.faces.CheckboxList;
import org.edgeway.web.faces.SaveAction;

/** Status &gt; Registrations &gt; By device: one row per binding, with Unregister on the selected ones. */
@Named
@ViewScoped
public class RegistrationsByDevicePage extends CheckboxList<RegistrationRow> {

    @Inject
    private SipStatus sip;
    @Inject
    private SaveAction save;

    private SipSummary summary;

    @PostConstruct
    public void refresh() {
        summary = sip.summary();
        reload();
    }

    @Override
    protected List<RegistrationRow> fetch() {
        return sip.registrations();
    }

    public void unregister() {
        Unregister.selected(
                () -> onSelected(save, "byDeviceForm", "registration(s) removed",
                        rows -> sip.unregister(rows.stream().map(RegistrationRow::addressOfRecord).distinct().toList())));
    }

    public SipSummary getSummary() {
        return summary;
    }
}
