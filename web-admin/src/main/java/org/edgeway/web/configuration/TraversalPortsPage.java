package org.edgeway.web.configuration;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.edgeway.services.media.MediaSettingsService;
import org.edgeway.services.media.TraversalPortsForm;
import org.edgeway.services.system.SystemSettingsService;
import org.edgeway.web.faces.SaveAction;

/** Configuration &gt; Traversal &gt; Ports: the demultiplexing pair (shown on both roles; only an E uses it). */
@Named
@ViewScoped
public class TraversalPortsPage implements Serializable {

    @Inject
    private MediaSettingsService media;
    @Inject
    private SystemSettingsService system;
    @Inject
    private SaveAction save;

    private TraversalPortsForm form;
    private boolean large;
    private boolean restartPending;

    @PostConstruct
    void load() {
        form = media.portsForm();
        large = system.isLargeSystem();
        restartPending = media.restartPending();
    }

    public void save() {
        if (save.run("portsForm", "Saved", () -> media.savePorts(form))) {
            form = media.portsForm();
        }
        restartPending = media.restartPending();
    }

    public TraversalPortsForm getForm() {
        return form;
    }

    /** A Large system always demultiplexes on the first 6 pairs of the range: nothing to configure. */
    public boolean isLarge() {
        return large;
    }

    public boolean isRestartPending() {
        return restartPending;
    }
}
