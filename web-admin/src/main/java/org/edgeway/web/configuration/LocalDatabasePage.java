package org.edgeway.web.configuration;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.edgeway.services.authentication.CredentialView;
import org.edgeway.services.authentication.LocalDatabase;
import org.edgeway.web.faces.CheckboxList;
import org.edgeway.web.faces.SaveAction;

/** Configuration &gt; Authentication &gt; Devices &gt; Local database: the credential list. */
@Named
@ViewScoped
public class LocalDatabasePage extends CheckboxList<CredentialView> {

    @Inject
    private LocalDatabase database;
    @Inject
    private SaveAction save;

    @PostConstruct
    void load() {
        reload();
    }

    @Override
    protected List<CredentialView> fetch() {
        return database.list();
    }

    public void delete() {
        onSelected(save, "credentialsForm", "credential(s) deleted",
                rows -> database.delete(rows.stream().map(CredentialView::id).toList()));
    }
}
