package org.edgeway.web.status;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.List;
import org.edgeway.services.sip.RegistrationRow;

/** Status &gt; Registrations &gt; By device: one row per binding. */
@Named
@ViewScoped
public class RegistrationsByDevicePage extends RegistrationsPage<RegistrationRow> {

    public RegistrationsByDevicePage() {
        super("byDeviceForm");
    }

    @Override
    protected String addressOfRecord(RegistrationRow row) {
        return row.addressOfRecord();
    }

    @Override
    protected List<RegistrationRow> fetch() {
        return sip.registrations();
    }
}
