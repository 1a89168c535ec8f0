package org.edgeway.web.status;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.edgeway.services.alarms.AlarmView;
import org.edgeway.services.maintenance.MaintenanceMode;
import org.edgeway.services.restart.RestartOptions;
import org.edgeway.services.system.SystemSettingsService;

/** The header of every page: which node this is (role and host name), and whether it is in maintenance mode, what waits for a restart. */
@Named
@RequestScoped
public class ConsoleHeader {

    @Inject
    private SystemSettingsService settings;
    @Inject
    private MaintenanceMode maintenanceMode;

    @Inject
    private RestartOptions restartOptions;

    private String title;
    private Boolean maintenance;
    private List<String> waitingForRestart;

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

    /** The banner that lists what waits for a restart (seed 002: "a banner message or ... an alarm"). */
    public List<String> getWaitingForRestart() {
        if (waitingForRestart == null) {
            waitingForRestart = restartOptions.waitingForRestart().stream().map(AlarmView::title).toList();
        }
        return waitingForRestart;
    }
}
