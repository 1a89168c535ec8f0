package org.edgeway.web.status;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.edgeway.services.alarms.AlarmView;
import org.edgeway.services.alarms.Alarms;
import org.edgeway.web.faces.SaveAction;

/** Status > Alarms: list, select, acknowledge. */
@Named
@ViewScoped
public class AlarmsPage implements Serializable {

    @Inject
    private Alarms alarms;
    @Inject
    private SaveAction save;

    private List<AlarmView> list;
    private List<AlarmView> selected = new ArrayList<>();

    @PostConstruct
    void load() {
        list = alarms.list();
    }

    public void acknowledge() {
        List<Long> ids = selected.stream().map(AlarmView::id).toList();
        if (save.run("alarmsForm", ids.size() + " alarm(s) acknowledged", () -> alarms.acknowledge(ids))) {
            selected = new ArrayList<>();
            load();
        }
    }

    public List<AlarmView> getList() {
        return list;
    }

    public List<AlarmView> getSelected() {
        return selected;
    }

    public void setSelected(List<AlarmView> selected) {
        this.selected = selected;
    }
}
