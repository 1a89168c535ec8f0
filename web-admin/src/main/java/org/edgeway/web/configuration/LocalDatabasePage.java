package org.edgeway.web.configuration;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.edgeway.services.authentication.CredentialView;
import org.edgeway.services.authentication.LocalDatabase;
import org.edgeway.web.faces.SaveAction;

/** Configuration &gt; Authentication &gt; Devices &gt; Local database: the credential list. */
@Named
@ViewScoped
public class LocalDatabasePage implements Serializable {

    @Inject
    private LocalDatabase database;
    @Inject
    private SaveAction save;

    private List<CredentialView> list;
    private List<CredentialView> selected = new ArrayList<>();

    @PostConstruct
    void load() {
        list = database.list();
    }

    public void delete() {
        List<Long> ids = selected.stream().map(CredentialView::id).toList();
        if (save.run("credentialsForm", ids.size() + " credential(s) deleted", () -> database.delete(ids))) {
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

    public List<CredentialView> getList() {
        return list;
    }

    public List<CredentialView> getSelected() {
        return selected;
    }

    public void setSelected(List<CredentialView> selected) {
        this.selected = selected;
    }
}
