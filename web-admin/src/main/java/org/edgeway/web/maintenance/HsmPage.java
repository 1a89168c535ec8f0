package org.edgeway.web.maintenance;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.edgeway.services.hsm.HsmConfiguration;
import org.edgeway.services.hsm.HsmMode;
import org.edgeway.services.hsm.HsmModuleForm;
import org.edgeway.services.hsm.HsmModuleView;
import org.edgeway.services.hsm.HsmSettingsForm;
import org.edgeway.services.hsm.HsmSettingsView;
import org.edgeway.services.hsm.HsmStatus;
import org.edgeway.web.faces.CheckboxList;
import org.edgeway.web.faces.SaveAction;

/**
 * Maintenance &gt; Security &gt; HSM configuration (P47): HSM Settings with Save Configuration and Set Mode, Add
 * Module, the module table with Select all / Unselect all / Delete, and the HSM Status check.
 */
@Named
@ViewScoped
public class HsmPage extends CheckboxList<HsmModuleView> {

    @Inject
    private HsmConfiguration hsm;
    @Inject
    private SaveAction save;

    private HsmSettingsForm settings;
    private HsmModuleForm module;
    private HsmMode mode;
    private HsmSettingsView stored;
    private HsmStatus status;

    @PostConstruct
    void load() {
        settings = hsm.form();
        module = new HsmModuleForm();
        stored = hsm.settings();
        mode = stored.mode();
        refresh();
    }

    @Override
    protected List<HsmModuleView> fetch() {
        return hsm.modules();
    }

    /** Save Configuration. */
    public void saveSettings() {
        if (save.run("hsmForm", HsmConfiguration.SETTINGS_UPDATED, () -> hsm.saveSettings(settings))) {
            settings.setPin(null);
            stored = hsm.settings();
            refresh();
        }
    }

    /** Set Mode. */
    public void setMode() {
        if (save.run("hsmForm", HsmConfiguration.MODE_UPDATED, () -> hsm.setMode(mode))) {
            stored = hsm.settings();
            refresh();
        }
    }

    /** Add Module. */
    public void addModule() {
        if (save.run("moduleForm", HsmConfiguration.MODULE_ADDED, () -> hsm.addModule(module))) {
            module = new HsmModuleForm();
            refresh();
        }
    }

    /** Delete, after the confirmation. */
    public void delete() {
        onSelected(save, "modulesForm", "module(s) deleted",
                rows -> hsm.deleteModules(rows.stream().map(HsmModuleView::id).toList()));
        status = hsm.status().orElse(null);
    }

    private void refresh() {
        reload();
        status = hsm.status().orElse(null);
    }

    public List<HsmMode> getModes() {
        return List.of(HsmMode.values());
    }

    public HsmMode getMode() {
        return mode;
    }

    public void setMode(HsmMode mode) {
        this.mode = mode;
    }

    public HsmSettingsForm getSettings() {
        return settings;
    }

    public HsmModuleForm getModule() {
        return module;
    }

    public HsmSettingsView getStored() {
        return stored;
    }

    /** Null while HSM Mode is Off. */
    public HsmStatus getStatus() {
        return status;
    }
}
