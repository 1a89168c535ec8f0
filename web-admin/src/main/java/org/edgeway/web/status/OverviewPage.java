package org.edgeway.web.status;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.edgeway.services.status.Overview;
import org.edgeway.services.status.SystemStatus;

/** Status > Overview. */
@Named
@RequestScoped
public class OverviewPage {

    @Inject
    private SystemStatus status;

    private Overview overview;

    @PostConstruct
    void load() {
        overview = status.overview();
    }

    public Overview getOverview() {
        return overview;
    }
}
