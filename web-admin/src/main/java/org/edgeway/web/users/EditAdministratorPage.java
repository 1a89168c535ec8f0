package org.edgeway.web.users;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import org.edgeway.services.security.AccessLevel;
import org.edgeway.services.security.AdminAccountForm;
import org.edgeway.services.security.AdminAccounts;
import org.edgeway.web.faces.RedirectBanner;
import org.edgeway.web.faces.SaveAction;

/** Create or edit one administrator account: {@code /users/editadmin?id=4}, or without id for New. */
@Named
@ViewScoped
public class EditAdministratorPage implements Serializable {

    @Inject
    private AdminAccounts accounts;
    @Inject
    private SaveAction save;

    private Long id;
    private AdminAccountForm form;

    /** f:viewAction: loads the record named in the URL, or a blank form. */
    public void load() throws IOException {
        if (form != null) {
            return;
        }
        if (id == null) {
            form = new AdminAccountForm();
            return;
        }
        form = accounts.form(id).orElse(null);
        if (form == null) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.responseSendError(404, "No administrator account with id " + id);
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    public void save() throws IOException {
        boolean creating = form.getId() == null;
        long[] saved = new long[1];
        if (save.run("adminForm", null, () -> saved[0] = accounts.save(form))) {
            RedirectBanner.redirectTo("/users/administrator-accounts",
                    creating ? "Account " + form.getName() + " created" : "Saved");
        }
    }

    public boolean isCreating() {
        return form != null && form.getId() == null;
    }

    public AccessLevel[] getAccessLevels() {
        return AccessLevel.values();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public AdminAccountForm getForm() {
        return form;
    }
}
