package org.edgeway.web.users;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.edgeway.services.security.AdminAccountView;
import org.edgeway.services.security.AdminAccounts;
import org.edgeway.web.faces.SaveAction;

/** Users > Administrator accounts: list with check boxes, New, Delete (confirmed), Select all / Unselect all. */
@Named
@ViewScoped
public class AdministratorAccountsPage implements Serializable {

    @Inject
    private AdminAccounts accounts;
    @Inject
    private SaveAction save;

    private List<AdminAccountView> list;
    private List<AdminAccountView> selected = new ArrayList<>();

    @PostConstruct
    void load() {
        list = accounts.list();
    }

    public void delete() {
        List<Long> ids = selected.stream().map(AdminAccountView::id).toList();
        if (save.run("accountsForm", ids.size() + " account(s) deleted", () -> accounts.delete(ids))) {
            selected = new ArrayList<>();
            load();
        }
    }

    public void selectAll() {
        selected = new ArrayList<>(list);
    }

    public void unselectAll() {
        selected = new ArrayList<>();
    }

    public List<AdminAccountView> getList() {
        return list;
    }

    public List<AdminAccountView> getSelected() {
        return selected;
    }

    public void setSelected(List<AdminAccountView> selected) {
        this.selected = selected;
    }
}
