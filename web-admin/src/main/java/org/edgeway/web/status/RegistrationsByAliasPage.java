package org.edgeway.web.status;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.List;
import org.edgeway.services.sip.AliasRow;

/** Status &gt; Registrations &gt; By alias: one row per address of record with its contacts. */
@Named
@ViewScoped
public class RegistrationsByAliasPage extends RegistrationsPage<AliasRow> {

    public RegistrationsByAliasPage() {
        super("byAliasForm");
    }

    @Override
    protected String addressOfRecord(AliasRow row) {
        return row.addressOfRecord();
    }

    @Override
    protected List<AliasRow> fetch() {
        return sip.registrationsByAlias();
    }
}
