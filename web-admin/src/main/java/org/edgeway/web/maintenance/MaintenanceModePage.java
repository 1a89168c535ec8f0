package org.edgeway.web.maintenance;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.edgeway.services.maintenance.MaintenanceMode;
import org.edgeway.web.faces.SaveAction;

/** Maintenance &gt; Maintenance mode: the switch, saved after a confirmation. */
@Named
@ViewScoped
public class MaintenanceModePage implements Serializable {

    @Inject
    private MaintenanceMode maintenanceMode;
    @Inject
    private SaveAction save;

    private boolean on;

    @PostConstruct
    void load() {
        on = maintenanceMode.isOn();
    }

    /** Full request: the header's "(Maintenance mode)" note follows at once. */
    public String save() {
        if (save.run("maintenanceModeForm", null, () -> maintenanceMode.set(on))) {
            return "/maintenance/maintenance-mode?faces-redirect=true";
        }
        return null;
    }

    public boolean isOn() {
        return on;
    }

    public void setOn(boolean on) {
        this.on = on;
    }
}
