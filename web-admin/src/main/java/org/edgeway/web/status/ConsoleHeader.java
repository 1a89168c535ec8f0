package org.edgeway.web.status;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.edgeway.services.system.SystemSettingsService;

/** The header line of every page: which node this is (role and host name). */
@Named
@RequestScoped
public class ConsoleHeader {

    @Inject
    private SystemSettingsService settings;

    private String title;

    public String getTitle() {
        if (title == null) {
            title = settings.nodeTitle();
        }
        return title;
    }
}
