package org.edgeway.web.status;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.edgeway.services.metrics.ActivityHistory;
import org.edgeway.services.metrics.ActivitySample;
import org.edgeway.services.sip.SipStatus;
import org.edgeway.services.sip.SipSummary;
import org.edgeway.services.status.Overview;
import org.edgeway.services.status.SystemStatus;

/** Status > Overview, with the SIP lines and the last 24 hours of calls, registrations and relays as charts. */
@Named
@RequestScoped
public class OverviewPage {

    @Inject
    private SystemStatus status;
    @Inject
    private SipStatus sip;
    @Inject
    private ActivityHistory activity;

    private Overview overview;
    private SipSummary sipSummary;
    private List<ActivitySample> last24Hours;

    @PostConstruct
    void load() {
        overview = status.overview();
        sipSummary = sip.summary();
        last24Hours = activity.last24Hours();
    }

    public String getCallsChart() {
        return ActivityCharts.line(last24Hours, "Calls", "#1565c0", ActivitySample::calls);
    }

    public String getRegistrationsChart() {
        return ActivityCharts.line(last24Hours, "Registrations", "#2e7d32", ActivitySample::registrations);
    }

    public String getRelaysChart() {
        return ActivityCharts.line(last24Hours, "TURN relays", "#ef6c00", ActivitySample::relays);
    }

    public SipSummary getSip() {
        return sipSummary;
    }

    public Overview getOverview() {
        return overview;
    }
}
