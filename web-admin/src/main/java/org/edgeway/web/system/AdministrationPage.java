package org.edgeway.web.system;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.edgeway.services.system.AdministrationSettings;
import org.edgeway.services.system.SystemSettingsService;
import org.edgeway.web.faces.SaveAction;

/** System > Administration ("Administration settings"). */
@Named
@ViewScoped
public class AdministrationPage implements Serializable {

    @Inject
    private SystemSettingsService settings;
    @Inject
    private SaveAction save;

    private AdministrationSettings form;

    @PostConstruct
    void load() {
        form = settings.administration();
    }

    public void save() {
        if (save.run("administrationForm", "Saved", () -> settings.saveAdministration(form))) {
            form = settings.administration();
        }
    }

    public AdministrationSettings getForm() {
        return form;
    }

    public List<?> getNodeRoles() {
        return settings.nodeRoles();
    }

    public List<?> getSystemSizes() {
        return settings.systemSizes();
    }
}
