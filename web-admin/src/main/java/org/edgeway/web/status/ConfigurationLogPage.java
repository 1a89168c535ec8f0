package org.edgeway.web.status;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.edgeway.services.configlog.ConfigLogLine;
import org.edgeway.services.configlog.ConfigurationLog;

/** Status > Logs > Configuration log: the newest 10 000 changes, paged, sorted and filtered in the table. */
@Named
@ViewScoped
public class ConfigurationLogPage implements Serializable {

    static final int LIMIT = 10_000;

    @Inject
    private ConfigurationLog log;

    private List<ConfigLogLine> lines;
    private List<ConfigLogLine> filtered;
    private long total;

    @PostConstruct
    void load() {
        lines = log.page(0, LIMIT);
        total = log.count();
    }

    public List<ConfigLogLine> getLines() {
        return lines;
    }

    public List<ConfigLogLine> getFiltered() {
        return filtered;
    }

    public void setFiltered(List<ConfigLogLine> filtered) {
        this.filtered = filtered;
    }

    public long getTotal() {
        return total;
    }

    public boolean isTruncated() {
        return total > LIMIT;
    }
}
