package org.edgeway.web.configuration;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.edgeway.services.zones.ZoneRow;
import org.edgeway.services.zones.ZoneService;
import org.edgeway.web.faces.CheckboxList;
import org.edgeway.web.faces.SaveAction;

/** Configuration &gt; Zones &gt; Zones: the zone list with each zone's status. */
@Named
@ViewScoped
public class ZonesPage extends CheckboxList<ZoneRow> {

    @Inject
    private ZoneService zones;
    @Inject
    private SaveAction save;

    @PostConstruct
    void load() {
        reload();
    }

    @Override
    protected List<ZoneRow> fetch() {
        return zones.list();
    }

    public void delete() {
        onSelected(save, "zonesForm", "zone(s) deleted", rows -> zones.delete(rows.stream().map(ZoneRow::id).toList()));
    }
}
