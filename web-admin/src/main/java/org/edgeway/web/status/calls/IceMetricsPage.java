package org.edgeway.web.status.calls;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.edgeway.services.calls.IceMetricsView;
import org.edgeway.services.calls.IcePassthroughMetrics;

/** Status &gt; ICE Passthrough metrics: the current 24-hour interval, a column per peer. */
@Named
@ViewScoped
public class IceMetricsPage implements Serializable {

    @Inject
    private IcePassthroughMetrics metrics;

    private IceMetricsView view;

    @PostConstruct
    public void refresh() {
        view = metrics.current();
    }

    public IceMetricsView getView() {
        return view;
    }
}
