package org.edgeway.web.configuration;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import org.edgeway.services.authentication.CredentialForm;
import org.edgeway.services.authentication.LocalDatabase;
import org.edgeway.web.faces.SaveAction;

/** New / edit local database credential: {@code /configuration/authentication/editcredential?id=3}. */
@Named
@ViewScoped
public class EditCredentialPage implements Serializable {

    @Inject
    private LocalDatabase database;
    @Inject
    private SaveAction save;

    private Long id;
    private CredentialForm form;

    public void load() throws IOException {
        if (form != null) {
            return;
        }
        if (id == null) {
            form = new CredentialForm();
            return;
        }
        form = database.form(id).orElse(null);
        if (form == null) {
            EditPages.notFound("No credential " + id);
        }
    }

    public void save() throws IOException {
        boolean creating = form.getId() == null;
        if (save.run("credentialForm", null, () -> database.save(form))) {
            EditPages.backTo("/configuration/authentication/local-database",
                    creating ? "Credential " + form.getName() + " created" : "Saved");
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

    public CredentialForm getForm() {
        return form;
    }
}
