package org.edgeway.web.status.calls;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.edgeway.services.calls.ActiveCalls;
import org.edgeway.services.calls.CallRow;
import org.edgeway.web.faces.CheckboxList;
import org.edgeway.web.faces.SaveAction;

/** Status &gt; Calls &gt; Calls: the calls now active, read live, and Disconnect on the ticked ones. */
@Named
@ViewScoped
public class ActiveCallsPage extends CheckboxList<CallRow> {

    @Inject
    private ActiveCalls calls;
    @Inject
    private SaveAction save;

    @PostConstruct
    public void refresh() {
        reload();
    }

    @Override
    protected List<CallRow> fetch() {
        return calls.list();
    }

    /** Calls that ended meanwhile are simply gone from the list after the reload. */
    public void disconnect() {
        onSelected(save, "callsForm", "call(s) disconnected", rows -> rows.forEach(r -> calls.disconnect(r.serialNumber())));
    }
}
