package org.edgeway.web.configuration;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.edgeway.services.system.SystemSettingsService;
import org.edgeway.services.turn.TurnSettingsForm;
import org.edgeway.services.turn.TurnSettingsService;
import org.edgeway.services.turn.TurnStatus;
import org.edgeway.services.turn.TurnSummary;
import org.edgeway.web.faces.SaveAction;

/** Configuration &gt; Traversal &gt; TURN, with the "TURN server status" summary at the bottom. */
@Named
@ViewScoped
public class TurnPage implements Serializable {

    @Inject
    private TurnSettingsService turn;
    @Inject
    private TurnStatus status;
    @Inject
    private SystemSettingsService system;
    @Inject
    private SaveAction save;

    private TurnSettingsForm form;
    private boolean large;
    /** Read once per load or save: each engine snapshot builds a view of every live relay. */
    private TurnSummary summary;

    @PostConstruct
    void load() {
        form = turn.form();
        large = system.isLargeSystem();
        summary = status.summary();
    }

    public void save() {
        if (save.run("turnForm", "Saved", () -> turn.save(form))) {
            form = turn.form();
        }
        summary = status.summary();
    }

    public TurnSettingsForm getForm() {
        return form;
    }

    public TurnSummary getStatus() {
        return summary;
    }

    /** "This option is only available on Large systems." */
    public boolean isLarge() {
        return large;
    }

    /** Small/Medium always; Large only with TURN port multiplexing On. */
    public boolean isRequestsPortShown() {
        return !large || form.isPortMultiplexing();
    }

    /** Large with TURN port multiplexing Off only. */
    public boolean isRequestsPortRangeShown() {
        return large && !form.isPortMultiplexing();
    }

    public List<?> getProtocolModes() {
        return turn.protocolModes();
    }
}
