package org.edgeway.services.engine;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.edgeway.engine.Engine;
import org.edgeway.engine.EngineConfig;
import org.edgeway.engine.EngineEvent;
import org.edgeway.engine.EngineSnapshot;
import org.edgeway.engine.calls.CallEvent;
import org.edgeway.services.alarms.Alarms;
import org.edgeway.engine.net.BlockedSources;
import org.edgeway.services.calls.CallHistory;
import org.edgeway.services.calls.CallHistoryQueue;
import org.edgeway.services.protection.BlockedAddressesChanged;
import org.edgeway.services.protection.ProtectionDetector;
import org.edgeway.services.system.SettingsChanged;
import org.edgeway.services.system.SystemSettingsService;

/**
 * Owns the one engine of this node: starts it with the persisted configuration once the database is ready,
 * hands it a fresh configuration after every committed change, persists what it reports, stops it on undeploy.
 */
@Singleton
@Startup
@DependsOn("Bootstrap")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class EngineLifecycle {

    /** Address the engine's listeners bind to; tests and multi-node setups on one host override it. */
    public static final String BIND_PROPERTY = "edgeway.engine.bind-address";
    public static final String ALARM_ENGINE_FAILED = "engine.failed";

    private static final Logger LOG = Logger.getLogger(EngineLifecycle.class.getName());

    @Inject
    private SystemSettingsService settings;
    @Inject
    private Alarms alarms;
    @Inject
    private CallHistory callHistory;
    @Inject
    private ProtectionDetector protection;
    @Resource
    private ManagedExecutorService executor;

    @Inject
    private Instance<EngineConfigContributor> contributors;

    private Engine engine;
    private CallHistoryQueue endedCalls;

    @PostConstruct
    void start() {
        endedCalls = new CallHistoryQueue(executor, CallHistoryQueue.GATHER_MILLIS, callHistory::recordAll);
        engine = new Engine(this::onEngineEvent);
        engine.blockSources(BlockedSources.of(protection.refusedAddresses()));
        try {
            engine.start(currentConfig());
            LOG.info("Edgeway engine started");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Edgeway engine failed to start", e);
        }
    }

    @PreDestroy
    void stop() {
        engine.stop();
        LOG.info("Edgeway engine stopped");
    }

    /**
     * After a committed configuration change, hand the engine the new immutable configuration. Runs outside the
     * finished transaction (it is already committed; reading the settings needs a fresh one).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public synchronized void onSettingsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) SettingsChanged change) {
        try {
            engine.apply(currentConfig());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "engine rejected configuration after " + change.page(), e);
            alarms.raise(ALARM_ENGINE_FAILED, "ERROR", "The engine could not apply the new configuration",
                    "Check the server log for the reason and correct the setting on " + change.page());
        }
    }

    /** Automated protection blocked or released addresses: the listeners refuse the new set from now on. */
    public void onBlockedAddressesChanged(@Observes BlockedAddressesChanged change) {
        engine.blockSources(BlockedSources.of(change.addresses()));
    }

    /** The configuration the engine is running with (what the last committed change handed it). */
    public EngineConfig appliedConfig() {
        return engine.config();
    }

    /** One running service of the engine, for the actions a status page offers (un-register ...). */
    public <T> T service(Class<T> type) {
        return engine.service(type);
    }

    /**
     * A service of the engine by interface, if the engine runs one (e.g. {@code CallControl} only once a service
     * carries calls); asking is no failure, so a caller's transaction is not rolled back.
     */
    public <T> Optional<T> findService(Class<T> type) {
        try {
            return Optional.of(engine.service(type));
        } catch (IllegalArgumentException none) {
            return Optional.empty();
        }
    }

    public EngineSnapshot snapshot() {
        return engine.snapshot();
    }

    /** The node settings, then each feature's part. */
    private synchronized EngineConfig currentConfig() {
        EngineConfig config = settings.engineConfig(System.getProperty(BIND_PROPERTY, "0.0.0.0"));
        for (EngineConfigContributor contributor : contributors) {
            config = contributor.contribute(config);
        }
        return config;
    }

    /** Engine threads must not block on the database: persist on a managed thread. */
    private void onEngineEvent(EngineEvent event) {
        if (event instanceof EngineEvent.AlarmRaised a) {
            executor.execute(() -> alarms.raise(a.id(), a.severity(), a.title(), a.action()));
        } else if (event instanceof EngineEvent.AlarmCleared c) {
            executor.execute(() -> alarms.lower(c.id()));
        } else if (event instanceof EngineEvent.AuthenticationFailed f) {
            executor.execute(() -> protection.engineFailure(f.protocol(), f.address(), f.at()));
        } else if (event instanceof CallEvent.CallEnded ended) {
            endedCalls.add(ended.call());
        } else if (event instanceof EngineEvent.StateChanged s) {
            LOG.info(() -> "engine " + s.service() + ": " + s.state().label() + " (" + s.detail() + ")");
        }
    }
}
