package org.edgeway.web.configuration;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.edgeway.services.domains.DomainView;
import org.edgeway.services.domains.Domains;
import org.edgeway.web.faces.CheckboxList;
import org.edgeway.web.faces.SaveAction;

/** Configuration &gt; Domains: the domain list. */
@Named
@ViewScoped
public class DomainsPage extends CheckboxList<DomainView> {

    @Inject
    private Domains domains;
    @Inject
    private SaveAction save;

    @PostConstruct
    void load() {
        reload();
    }

    @Override
    protected List<DomainView> fetch() {
        return domains.list();
    }

    public void delete() {
        onSelected(save, "domainsForm", "domain(s) deleted",
                rows -> domains.delete(rows.stream().map(DomainView::id).toList()));
    }
}
