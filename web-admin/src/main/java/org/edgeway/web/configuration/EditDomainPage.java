package org.edgeway.web.configuration;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import org.edgeway.services.domains.DomainForm;
import org.edgeway.services.domains.Domains;
import org.edgeway.web.faces.SaveAction;

/** New / edit domain: {@code /configuration/editdomain?id=3}. */
@Named
@ViewScoped
public class EditDomainPage implements Serializable {

    @Inject
    private Domains domains;
    @Inject
    private SaveAction save;

    private Long id;
    private DomainForm form;

    public void load() throws IOException {
        if (form != null) {
            return;
        }
        form = id == null ? new DomainForm() : domains.form(id).orElse(null);
        if (form == null) {
            EditPages.notFound("No domain " + id);
        }
    }

    public void save() throws IOException {
        boolean creating = form.getId() == null;
        if (save.run("domainForm", null, () -> domains.save(form))) {
            EditPages.backTo("/configuration/domains", creating ? "Domain " + form.getName() + " created" : "Saved");
        }
    }

    public boolean isCreating() {
        return form != null && form.getId() == null;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public DomainForm getForm() {
        return form;
    }
}
