package org.edgeway.web.status;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.edgeway.services.sip.SearchRow;
import org.edgeway.services.sip.SipStatus;
import org.edgeway.services.sip.SipSummary;

/** Status &gt; Search history: each search through the dial plan, the rules tried and the result. */
@Named
@ViewScoped
public class SearchHistoryPage implements Serializable {

    @Inject
    private SipStatus sip;

    private List<SearchRow> searches;
    private SipSummary summary;

    @PostConstruct
    public void refresh() {
        searches = sip.searches();
        summary = sip.summary();
    }

    public List<SearchRow> getSearches() {
        return searches;
    }

    public SipSummary getSummary() {
        return summary;
    }
}
