package org.edgeway.web.configuration;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.edgeway.services.media.MediaSettingsService;
import org.edgeway.services.media.TraversalSubzoneForm;
import org.edgeway.web.faces.SaveAction;

/** Configuration &gt; Local Zone &gt; Traversal Subzone: the traversal media port range. */
@Named
@ViewScoped
public class TraversalSubzonePage implements Serializable {

    @Inject
    private MediaSettingsService media;
    @Inject
    private SaveAction save;

    private TraversalSubzoneForm form;
    private String relayStatus;
    private String rangeOverride;

    @PostConstruct
    void load() {
        form = media.subzoneForm();
        status();
    }

    public void save() {
        if (save.run("subzoneForm", "Saved", () -> media.saveSubzone(form))) {
            form = media.subzoneForm();
        }
        status();
    }

    private void status() {
        relayStatus = media.relayStatus();
        rangeOverride = media.rangeOverride().orElse(null);
    }

    public TraversalSubzoneForm getForm() {
        return form;
    }

    public String getRelayStatus() {
        return relayStatus;
    }

    /** The edgeway.media.portRange range the node was started with, or null. */
    public String getRangeOverride() {
        return rangeOverride;
    }
}
