package org.edgeway.web.maintenance;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.edgeway.services.tools.PortRow;
import org.edgeway.services.tools.PortUsage;

/** Maintenance &gt; Tools &gt; Port usage: inbound and outbound ports of the running node. */
@Named
@ViewScoped
public class PortUsagePage implements Serializable {

    @Inject
    private PortUsage ports;

    private List<PortRow> inbound;
    private List<PortRow> outbound;

    @PostConstruct
    public void refresh() {
        inbound = ports.inbound();
        outbound = ports.outbound();
    }

    public List<PortRow> getInbound() {
        return inbound;
    }

    public List<PortRow> getOutbound() {
        return outbound;
    }
}
