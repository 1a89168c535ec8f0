package org.edgeway.web.configuration;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.edgeway.services.zones.ZoneForm;
import org.edgeway.services.zones.ZoneLabels;
import org.edgeway.services.zones.ZoneRole;
import org.edgeway.services.zones.ZoneService;
import org.edgeway.web.faces.SaveAction;

/**
 * Create / Edit zone: {@code /configuration/zones/editzone?id=N}, N the zone's number. The fields shown follow the
 * type and this node's role ({@link ZoneRole}); a Unified Communications traversal zone shows its forced values
 * read-only.
 */
@Named
@ViewScoped
public class EditZonePage implements Serializable {

    @Inject
    private ZoneService zones;
    @Inject
    private SaveAction save;

    private Integer id;
    private ZoneForm form;

    public void load() throws IOException {
        if (form != null) {
            return;
        }
        if (id == null) {
            form = zones.newForm();
            return;
        }
        form = zones.form(id).orElse(null);
        if (form == null) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "No zone " + id);
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    /** The type changed: show its fields and start from its port. */
    public void typeChanged() {
        zones.typeChanged(form);
    }

    public void save() throws IOException {
        boolean creating = form.getId() == null;
        if (save.run("zoneForm", null, () -> zones.save(form))) {
            EditPages.backTo("/configuration/zones/zones", creating ? "Zone " + form.getName() + " created" : "Saved");
        }
    }

    public boolean isCreating() {
        return form != null && form.getId() == null;
    }

    public ZoneRole getRole() {
        return zones.role(form.getType());
    }

    public List<?> getTypes() {
        return zones.types();
    }

    public List<?> getTransports() {
        return zones.transports();
    }

    public List<?> getAuthenticationPolicies() {
        return zones.authenticationPolicies();
    }

    public List<?> getMediaEncryptionModes() {
        return zones.mediaEncryptionModes();
    }

    /** The console's word for a type, transport, policy or mode. */
    public String label(Enum<?> value) {
        return ZoneLabels.of(value);
    }

    public Integer getId() {
        return id;
    }

    public void setId(Integer id) {
        this.id = id;
    }

    public ZoneForm getForm() {
        return form;
    }
}
