package org.edgeway.services.maintenance;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.edgeway.persistence.system.SystemSettings;
import org.edgeway.services.configlog.Changes;
import org.edgeway.services.configlog.ConfigurationLog;
import org.edgeway.services.security.Caller;
import org.edgeway.services.system.SettingsChanged;

/**
 * Maintenance &gt; Maintenance mode (seed 001, B-MM): while On the node "stops accepting new calls or proxy (MRA)
 * traffic" and new TURN allocations; existing calls, registrations and relays carry on. SIP and TURN take it live
 * through their engine configuration ({@code SipEngineConfig}, {@code TurnEngineConfig}).
 */
@Stateless
public class MaintenanceMode {

    public static final String PAGE = "Maintenance > Maintenance mode";

    @PersistenceContext
    private EntityManager em;
    @Inject
    private Caller caller;
    @Inject
    private ConfigurationLog configurationLog;
    @Inject
    private Event<SettingsChanged> settingsChanged;

    public boolean isOn() {
        SystemSettings s = em.find(SystemSettings.class, SystemSettings.SINGLETON_ID);
        return s != null && s.isMaintenanceMode();
    }

    public void set(boolean on) {
        caller.requireWrite();
        SystemSettings s = em.find(SystemSettings.class, SystemSettings.SINGLETON_ID);
        if (s.isMaintenanceMode() == on) {
            return;
        }
        configurationLog.record(new Changes(PAGE).compare("Maintenance mode", label(s.isMaintenanceMode()), label(on)));
        s.setMaintenanceMode(on);
        settingsChanged.fire(new SettingsChanged(PAGE));
    }

    private static String label(boolean on) {
        return on ? "On" : "Off";
    }
}
