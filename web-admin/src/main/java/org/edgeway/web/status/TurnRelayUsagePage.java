package org.edgeway.web.status;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.edgeway.services.turn.RelayRow;
import org.edgeway.services.turn.TurnStatus;
import org.edgeway.services.turn.TurnSummary;

/** Status &gt; TURN relay usage: live relays, paged and sorted, each expandable to its permissions and counters. */
@Named
@ViewScoped
public class TurnRelayUsagePage implements Serializable {

    @Inject
    private TurnStatus status;

    private List<RelayRow> relays;
    private List<RelayRow> filtered;
    private TurnSummary summary;

    @PostConstruct
    public void refresh() {
        relays = status.relays();
        summary = status.summary();
    }

    public List<RelayRow> getRelays() {
        return relays;
    }

    public List<RelayRow> getFiltered() {
        return filtered;
    }

    public void setFiltered(List<RelayRow> filtered) {
        this.filtered = filtered;
    }

    public TurnSummary getSummary() {
        return summary;
    }
}
