package org.edgeway.web.status.calls;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.edgeway.services.calls.CallHistory;
import org.edgeway.services.calls.CallHistoryFilter;
import org.edgeway.services.calls.CallRow;
import org.edgeway.web.faces.SaveAction;
import org.primefaces.model.LazyDataModel;

/**
 * Status &gt; Calls &gt; History: the stored calls newest first, a page at a time from the database, narrowed by the
 * filter fields above the table (applied with Filter; a bad time is marked next to its field) and exported as CSV
 * with the same filter.
 */
@Named
@ViewScoped
public class CallHistoryListPage implements Serializable {

    @Inject
    private CallHistory history;
    @Inject
    private SaveAction save;

    private CallHistoryModel model;
    private String from;
    private String to;
    private String alias;
    private String iceCallType;
    private String status;

    @PostConstruct
    void init() {
        model = new CallHistoryModel(history);
    }

    public void applyFilter() {
        save.run("historyForm", null, () -> model.filter(CallHistoryFilter.parse(fields())));
    }

    public void clearFilter() {
        from = to = alias = iceCallType = status = null;
        model.filter(CallHistoryFilter.ALL);
    }

    /** The console's CSV export of the applied filter (the servlet parses it with the same parser). */
    public String getCsvUrl() {
        StringBuilder b = new StringBuilder("history.csv");
        char sep = '?';
        CallHistoryFilter f = model.filter();
        Map<String, String> q = new LinkedHashMap<>();
        q.put("from", f.from() == null ? null : f.from().toString());
        q.put("to", f.to() == null ? null : f.to().toString());
        q.put("alias", f.alias());
        q.put("iceCallType", f.iceCallType() == null ? null : iceCallType);
        q.put("status", f.status() == null ? null : status);
        for (Map.Entry<String, String> e : q.entrySet()) {
            if (e.getValue() != null) {
                b.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
                sep = '&';
            }
        }
        return b.toString();
    }

    private Map<String, String> fields() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("from", from);
        m.put("to", to);
        m.put("alias", alias);
        m.put("iceCallType", iceCallType);
        m.put("status", status);
        return m;
    }

    public LazyDataModel<CallRow> getModel() {
        return model;
    }

    /** The paginator's report: "1-50 of 5000 or more" when an alias search stopped counting. */
    public String getPageReport() {
        return "{startRecord}-{endRecord} of {totalRecords}" + (model.countIsLowerBound() ? " or more" : "");
    }

    public List<String> getIceCallTypes() {
        return CallHistoryFilter.iceCallTypeChoices();
    }

    public List<String> getStatuses() {
        return CallHistoryFilter.statusChoices();
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getAlias() {
        return alias;
    }

    public void setAlias(String alias) {
        this.alias = alias;
    }

    public String getIceCallType() {
        return iceCallType;
    }

    public void setIceCallType(String iceCallType) {
        this.iceCallType = iceCallType;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }
}
