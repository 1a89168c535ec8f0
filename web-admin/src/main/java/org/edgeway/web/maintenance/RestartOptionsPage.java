package org.edgeway.web.maintenance;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.edgeway.services.alarms.AlarmView;
import org.edgeway.services.restart.RestartOptions;
import org.edgeway.web.faces.SaveAction;

/** Maintenance &gt; Restart options: what waits for a restart, Restart and Shutdown after a confirmation. */
@Named
@ViewScoped
public class RestartOptionsPage implements Serializable {

    @Inject
    private RestartOptions restartOptions;
    @Inject
    private SaveAction save;

    private Instant bootTime;
    private List<AlarmView> waiting;
    private String going;

    @PostConstruct
    void load() {
        bootTime = restartOptions.bootTime();
        waiting = restartOptions.waitingForRestart();
    }

    public void restart() {
        if (save.run("restartForm", "The node is restarting: this page answers again once it is back (about a"
                + " minute)", restartOptions::restart)) {
            going = "restart";
        }
    }

    public void shutdown() {
        if (save.run("restartForm", "The node is shutting down: start it again with edgeway.sh (or its service)",
                restartOptions::shutdown)) {
            going = "shutdown";
        }
    }

    public Instant getBootTime() {
        return bootTime;
    }

    public List<AlarmView> getWaiting() {
        return waiting;
    }

    /** Set once Restart or Shutdown was accepted: the buttons are then disabled. */
    public String getGoing() {
        return going;
    }
}
