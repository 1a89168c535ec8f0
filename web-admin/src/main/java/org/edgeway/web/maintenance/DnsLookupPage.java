package org.edgeway.web.maintenance;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.edgeway.services.tools.DnsLookup;
import org.edgeway.services.tools.DnsLookupResult;
import org.edgeway.services.tools.LookupType;
import org.edgeway.web.faces.SaveAction;

/** Maintenance &gt; Tools &gt; Network utilities &gt; DNS lookup. */
@Named
@ViewScoped
public class DnsLookupPage implements Serializable {

    @Inject
    private DnsLookup dns;
    @Inject
    private SaveAction action;

    private String name;
    private LookupType type = LookupType.A;
    private String server;
    private DnsLookupResult result;

    public void lookup() {
        DnsLookupResult[] found = new DnsLookupResult[1];
        if (action.run("dnsLookupForm", null, () -> found[0] = dns.lookup(name, type, server))) {
            result = found[0];
        } else {
            result = null;
        }
    }

    public List<LookupType> getTypes() {
        return List.of(LookupType.values());
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public LookupType getType() {
        return type;
    }

    public void setType(LookupType type) {
        this.type = type;
    }

    public String getServer() {
        return server;
    }

    public void setServer(String server) {
        this.server = server;
    }

    public DnsLookupResult getResult() {
        return result;
    }
}
