package org.edgeway.web.system;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.edgeway.services.system.DnsSettings;
import org.edgeway.services.system.SystemSettingsService;
import org.edgeway.web.faces.SaveAction;

/** System > DNS. */
@Named
@ViewScoped
public class DnsPage implements Serializable {

    @Inject
    private SystemSettingsService settings;
    @Inject
    private SaveAction save;

    private DnsSettings form;

    @PostConstruct
    void load() {
        form = settings.dns();
    }

    public void save() {
        if (save.run("dnsForm", "Saved", () -> settings.saveDns(form))) {
            form = settings.dns();
        }
    }

    public DnsSettings getForm() {
        return form;
    }
}
