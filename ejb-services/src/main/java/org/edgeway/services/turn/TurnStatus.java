package org.edgeway.services.turn;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.edgeway.engine.turn.TurnService;
import org.edgeway.engine.turn.TurnSnapshot;
import org.edgeway.services.engine.EngineLifecycle;

/** "TURN server status" (Configuration &gt; Traversal &gt; TURN) and Status &gt; TURN relay usage. */
@Stateless
public class TurnStatus {

    @Inject
    private EngineLifecycle engine;
    @Inject
    private TurnEngineConfig config;

    public TurnSummary summary() {
        TurnSnapshot t = engine.snapshot().service(TurnService.KEY);
        return new TurnSummary(t.state().label(), t.detail(), t.listeningAddresses(), t.relayAddresses(),
                t.activeClients(), t.activeRelays(), t.capacity(), config.restartPending());
    }

    public List<RelayRow> relays() {
        return engine.snapshot().service(TurnService.KEY).relays().stream().map(RelayRow::of).toList();
    }
}
