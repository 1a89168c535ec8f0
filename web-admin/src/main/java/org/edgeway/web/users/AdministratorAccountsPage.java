package org.edgeway.web.users;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.edgeway.services.security.AdminAccountView;
import org.edgeway.services.security.AdminAccounts;
import org.edgeway.web.faces.CheckboxList;
import org.edgeway.web.faces.SaveAction;

/** Users > Administrator accounts: list with check boxes, New, Delete (confirmed), Select all / Unselect all. */
@Named
@ViewScoped
public class AdministratorAccountsPage extends CheckboxList<AdminAccountView> {

    @Inject
    private AdminAccounts accounts;
    @Inject
    private SaveAction save;

    @PostConstruct
    void load() {
        reload();
    }

    @Override
    protected List<AdminAccountView> fetch() {
        return accounts.list();
    }

    public void delete() {
        onSelected(save, "accountsForm", "account(s) deleted",
                rows -> accounts.delete(rows.stream().map(AdminAccountView::id).toList()));
    }
}
