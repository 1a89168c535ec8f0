package org.edgeway.web.status;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.edgeway.services.sip.SipStatus;
import org.edgeway.services.sip.SipSummary;
import org.edgeway.services.status.Overview;
import org.edgeway.services.status.SystemStatus;

/** Status > Overview, with the SIP lines. */
@Named
@RequestScoped
public class OverviewPage {

    @Inject
    private SystemStatus status;
    @Inject
    private SipStatus sip;

    private Overview overview;
    private SipSummary sipSummary;

    @PostConstruct
    void load() {
        overview = status.overview();
        sipSummary = sip.summary();
    }

    public SipSummary getSip() {
        return sipSummary;
    }

    public Overview getOverview() {
        return overview;
    }
}
