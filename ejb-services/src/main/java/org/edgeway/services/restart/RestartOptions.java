package org.edgeway.services.restart;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.edgeway.services.alarms.AlarmView;
import org.edgeway.services.alarms.Alarms;
import org.edgeway.services.security.Caller;

/**
 * Maintenance &gt; Restart options (P50): what waits for a restart (the open alarms whose code starts with
 * {@code restart.}), Restart and Shutdown. Both end this server process with an exit status bin/edgeway.sh acts on:
 * {@link #RESTART_STATUS} makes it prepare the node again (an uploaded server certificate is installed then) and
 * start it; {@link #SHUTDOWN_STATUS} ends it. The data directory is untouched either way.
 */
@Stateless
public class RestartOptions {

    public static final String PAGE = "Maintenance > Restart options";
    /** The exit status edgeway.sh restarts on (WildFly's own 10 would restart without edgeway.sh's preparation). */
    public static final int RESTART_STATUS = 11;
    public static final int SHUTDOWN_STATUS = 0;
    static final String RESTART_ALARM_PREFIX = "restart.";
    /** Time for the answer to reach the browser or API client before the server stops. */
    private static final long GRACE_MILLIS = 1_000;

    private static final Logger LOG = Logger.getLogger(RestartOptions.class.getName());

    @Inject
    private Caller caller;
    @Inject
    private Alarms alarms;

    /** When this server process started (a restart gives a new one). */
    public Instant bootTime() {
        return Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    /** The restart-required alarms still open: what the next restart puts into effect. */
    public List<AlarmView> waitingForRestart() {
        return alarms.openWithCodePrefix(RESTART_ALARM_PREFIX);
    }

    public void restart() {
        stop("restart", RESTART_STATUS);
    }

    public void shutdown() {
        stop("shutdown", SHUTDOWN_STATUS);
    }

    private void stop(String what, int status) {
        caller.requireWrite();
        LOG.warning(() -> "Node " + what + " requested by " + caller.name() + " (" + caller.source() + ")");
        // not a managed thread: it must outlive the deployment it stops; exit runs WildFly's orderly shutdown
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(GRACE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.exit(status);
        }, "edgeway-" + what);
        t.setDaemon(false);
        t.start();
    }
}
