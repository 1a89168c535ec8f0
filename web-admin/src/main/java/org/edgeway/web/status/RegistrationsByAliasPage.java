package org.edgeway.web.status;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.edgeway.services.sip.AliasRow;
import org.edgeway.services.sip.SipStatus;
import org.edgeway.services.sip.SipSummary;
import org.edgeway.web.faces.CheckboxList;
import org.edgeway.web.faces.SaveAction;

/** Status &gt; Registrations &gt; By alias: one row per address of record, with Unregister on the selected ones. */
@Named
@ViewScoped
public class RegistrationsByAliasPage extends CheckboxList<AliasRow> {

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
    protected List<AliasRow> fetch() {
        return sip.registrationsByAlias();
    }

    public void unregister() {
        Unregister.selected(() -> onSelected(save, "byAliasForm", "alias(es) un-registered",
                rows -> sip.unregister(rows.stream().map(AliasRow::addressOfRecord).toList())));
    }

    public SipSummary getSummary() {
        return summary;
    }
}
