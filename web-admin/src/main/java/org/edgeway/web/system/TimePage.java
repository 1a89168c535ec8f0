package org.edgeway.web.system;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.List;
import org.edgeway.services.system.NtpAuthentication;
import org.edgeway.services.system.NtpServerSettings;
import org.edgeway.services.system.SystemSettingsService;
import org.edgeway.services.system.TimeSettings;
import org.edgeway.web.faces.SaveAction;

/** System > Time. */
@Named
@ViewScoped
public class TimePage implements Serializable {

    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().sorted().toList();

    @Inject
    private SystemSettingsService settings;
    @Inject
    private SaveAction save;

    private TimeSettings form;

    @PostConstruct
    void load() {
        form = settings.time();
    }

    public void save() {
        if (save.run("timeForm", "Saved", () -> settings.saveTime(form))) {
            form = settings.time();
        }
    }

    public TimeSettings getForm() {
        return form;
    }

    public NtpAuthentication[] getAuthentications() {
        return NtpAuthentication.values();
    }

    public NtpServerSettings.HashMethod[] getHashMethods() {
        return NtpServerSettings.HashMethod.values();
    }

    public List<String> getTimeZones() {
        return ZONES;
    }
}
