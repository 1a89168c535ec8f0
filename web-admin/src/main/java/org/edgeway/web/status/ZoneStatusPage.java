package org.edgeway.web.status;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.edgeway.services.zones.ZoneRow;
import org.edgeway.services.zones.ZoneService;

/** Status &gt; Zones: each zone's state from the SIP engine, with the reason when it is not Active. */
@Named
@ViewScoped
public class ZoneStatusPage implements Serializable {

    @Inject
    private ZoneService zones;

    private List<ZoneRow> rows;

    @PostConstruct
    public void refresh() {
        rows = zones.list();
    }

    public List<ZoneRow> getRows() {
        return rows;
    }
}
