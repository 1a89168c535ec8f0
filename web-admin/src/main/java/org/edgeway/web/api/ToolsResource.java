package org.edgeway.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.edgeway.services.tools.DnsLookup;
import org.edgeway.services.tools.DnsLookupResult;
import org.edgeway.services.tools.LookupType;
import org.edgeway.services.tools.PortRow;
import org.edgeway.services.tools.PortUsage;
import org.edgeway.services.validation.InvalidSettingsException;

/** Maintenance &gt; Tools over the API. */
@Path("/maintenance/tools")
@Produces(MediaType.APPLICATION_JSON)
public class ToolsResource {

    /** A lookup as the API shows it. */
    public record Lookup(String server, List<Query> queries, List<Record> records) {
    }

    /** One question's outcome. */
    public record Query(String name, String type, String status, String transport, long millis, int records) {
    }

    /** One answer record. */
    public record Record(String name, String type, long ttl, String data) {
    }

    /** Port usage as the API shows it. */
    public record Ports(List<Port> inbound, List<Port> outbound) {
    }

    /** One port or range. */
    public record Port(String service, String protocol, String address, String ports) {
        static Port of(PortRow r) {
            return new Port(r.service(), r.protocol(), r.address(), r.ports());
        }
    }

    @Inject
    private DnsLookup dns;
    @Inject
    private PortUsage ports;

    @GET
    @Path("port-usage")
    public Ports portUsage() {
        return new Ports(ports.inbound().stream().map(Port::of).toList(),
                ports.outbound().stream().map(Port::of).toList());
    }

    /** {@code ?name=example.com&type=SRV_SERVICES&server=192.0.2.53} (type and server optional: A, the node's). */
    @GET
    @Path("dns-lookup")
    public Lookup lookup(@QueryParam("name") String name, @QueryParam("type") String type,
            @QueryParam("server") String server) {
        LookupType t = LookupType.A;
        if (type != null) {
            t = Arrays.stream(LookupType.values()).filter(v -> v.name().equals(type)).findFirst()
                    .orElseThrow(() -> new InvalidSettingsException(Map.of("type", "must be one of "
                            + Arrays.stream(LookupType.values()).map(Enum::name).collect(Collectors.joining(", ")))));
        }
        DnsLookupResult r = dns.lookup(name, t, server);
        return new Lookup(r.server(),
                r.outcomes().stream().map(o -> new Query(o.name(), o.type(), o.status(), o.transport(), o.millis(),
                        o.records())).toList(),
                r.records().stream().map(x -> new Record(x.name(), x.type(), x.ttl(), x.data())).toList());
    }
}
