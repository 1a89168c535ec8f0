package org.edgeway.web.system;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.edgeway.services.protection.AutomatedProtection;
import org.edgeway.services.protection.ExemptionView;
import org.edgeway.web.faces.CheckboxList;
import org.edgeway.web.faces.SaveAction;

/** System &gt; Protection &gt; Automated detection &gt; Exemptions: the list. */
@Named
@ViewScoped
public class ProtectionExemptionsPage extends CheckboxList<ExemptionView> {

    @Inject
    private AutomatedProtection protection;
    @Inject
    private SaveAction save;

    @PostConstruct
    void load() {
        reload();
    }

    @Override
    protected List<ExemptionView> fetch() {
        return protection.exemptions();
    }

    public void delete() {
        onSelected(save, "exemptionsForm", "exemption(s) deleted",
                rows -> protection.deleteExemptions(rows.stream().map(ExemptionView::id).toList()));
    }
}
