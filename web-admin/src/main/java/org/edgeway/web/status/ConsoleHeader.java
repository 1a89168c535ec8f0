package org.edgeway.web.status;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.edgeway.services.maintenance.MaintenanceMode;
import org.edgeway.services.system.SystemSettingsService;

/** The header of every page: which node this is (role and host name), and whether it is in maintenance mode. */
@Named
@RequestScoped
public class ConsoleHeader {

    @Inject
    private SystemSettingsService settings;
    @Inject
    private MaintenanceMode maintenanceMode;

    private String title;
    private Boolean maintenance;

    public String getTitle() {
        if (title == null) {
            title = settings.nodeTitle();
        }
        return title;
    }

    /** Every page says "(Maintenance mode)" while the node refuses new traffic (seed 001). */
    public boolean isMaintenanceMode() {
        if (maintenance == null) {
            maintenance = maintenanceMode.isOn();
        }
        return maintenance;
    }
}
