package org.edgeway.services.metrics;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.edgeway.engine.EngineSnapshot;
import org.edgeway.engine.calls.CallControl;
import org.edgeway.engine.sip.SipService;
import org.edgeway.engine.turn.TurnService;
import org.edgeway.services.engine.EngineLifecycle;

/**
 * The last 24 hours of calls, registrations and TURN relays, read from the engine once a minute (at start too), for
 * the Status &gt; Overview charts. Kept in memory: a restart starts the charts again.
 */
@Singleton
@Startup
@DependsOn("Bootstrap")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ActivityHistory {

    /** 24 hours of one sample a minute. */
    static final int SAMPLES = 24 * 60;

    @Inject
    private EngineLifecycle engine;

    private final Deque<ActivitySample> samples = new ArrayDeque<>();

    @PostConstruct
    void first() {
        sample();
    }

    @Schedule(minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    synchronized void sample() {
        EngineSnapshot s = engine.snapshot();
        int calls = engine.findService(CallControl.class).map(c -> c.activeCalls().size()).orElse(0);
        samples.addLast(new ActivitySample(Instant.now(), calls, s.service(SipService.KEY).registrations().size(),
                s.service(TurnService.KEY).activeRelays()));
        while (samples.size() > SAMPLES) {
            samples.removeFirst();
        }
    }

    /** Oldest first, one a minute, at most 24 hours. */
    public synchronized List<ActivitySample> last24Hours() {
        return List.copyOf(samples);
    }
}
