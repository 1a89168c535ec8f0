package org.edgeway.web.status;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.edgeway.services.alarms.AlarmView;
import org.edgeway.services.alarms.Alarms;
import org.edgeway.web.faces.CheckboxList;
import org.edgeway.web.faces.SaveAction;

/** Status > Alarms: list, select, acknowledge. */
@Named
@ViewScoped
public class AlarmsPage extends CheckboxList<AlarmView> {

    @Inject
    private Alarms alarms;
    @Inject
    private SaveAction save;

    @PostConstruct
    void load() {
        reload();
    }

    @Override
    protected List<AlarmView> fetch() {
        return alarms.list();
    }

    public void acknowledge() {
        onSelected(save, "alarmsForm", "alarm(s) acknowledged",
                rows -> alarms.acknowledge(rows.stream().map(AlarmView::id).toList()));
    }
}
