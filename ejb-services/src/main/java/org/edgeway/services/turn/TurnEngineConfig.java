package org.edgeway.services.turn;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.edgeway.engine.EngineConfig;
import org.edgeway.engine.turn.TurnConfig;
import org.edgeway.engine.turn.TurnService;
import org.edgeway.services.engine.EngineConfigContributor;
import org.edgeway.services.maintenance.MaintenanceMode;

/**
 * TURN's part of the engine configuration, and the difference between what is stored and what runs: seed 003
 * says that while TURN services stay On, "changes to other TURN settings do not come into effect until the TURN
 * services is restarted" (set Off, Save, set On, Save). Credentials are the exception: the local database applies
 * at once, as on an Expressway, and the engine takes them without dropping relays.
 */
@ApplicationScoped
public class TurnEngineConfig implements EngineConfigContributor {

    @Inject
    private TurnSettingsService settings;
    @Inject
    private MaintenanceMode maintenanceMode;

    /** The TURN configuration handed to the engine, and the one stored (they differ until TURN restarts). */
    private TurnConfig applied;
    private TurnConfig stored;

    @Override
    public synchronized EngineConfig contribute(EngineConfig config) {
        stored = settings.engineConfig().toBuilder().maintenanceMode(maintenanceMode.isOn()).build();
        applied = effective(applied, stored);
        return config.with(TurnService.KEY, applied);
    }

    /** Whether saved TURN settings wait for TURN services to be set Off and On again. */
    public synchronized boolean restartPending() {
        return stored != null && !stored.equals(applied);
    }

    /** What the engine should run: the stored settings, or while TURN stays On the running ones with new credentials. */
    static TurnConfig effective(TurnConfig applied, TurnConfig stored) {
        if (applied != null && applied.enabled() && stored.enabled()) {
            return applied.withLiveSettingsOf(stored);
        }
        return stored;
    }
}
