package org.edgeway.services.tools;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.edgeway.engine.EngineConfig;
import org.edgeway.engine.sip.SipService;
import org.edgeway.engine.turn.TurnConfig;
import org.edgeway.engine.turn.TurnService;
import org.edgeway.engine.turn.TurnSnapshot;
import org.edgeway.engine.zones.ZoneConfig;
import org.edgeway.services.engine.EngineLifecycle;
import org.edgeway.services.zones.ZoneRole;

/**
 * Maintenance &gt; Tools &gt; Port usage (P51): "all the IP ports that are being used on the Expressway, both inbound
 * and outbound", read from what the engine reports listening and the configuration it runs, so the list is the
 * firewall rules this node needs now.
 */
@Stateless
public class PortUsage {

    /** WildFly's HTTPS port before its port offset (standalone.xml socket binding "https"). */
    static final int HTTPS_PORT = 8443;

    @Inject
    private EngineLifecycle engine;

    /** Ports this node listens on, by protocol and port. */
    public List<PortRow> inbound() {
        EngineConfig cfg = engine.appliedConfig();
        Map<String, PortRow> rows = new LinkedHashMap<>();
        add(rows, new PortRow("Administration (HTTPS)", "TCP", cfg.bindAddress(),
                String.valueOf(HTTPS_PORT + Integer.getInteger("jboss.socket.binding.port-offset", 0))));
        // traversal server zones first: their listener is named after the zone, not "SIP"
        for (ZoneConfig z : cfg.service(SipService.KEY).zones()) {
            if (z.sipEnabled() && ZoneRole.of(z.type(), cfg.role()) == ZoneRole.SERVER) {
                add(rows, new PortRow("Traversal zone " + z.name(), z.transport().name(), cfg.bindAddress(),
                        String.valueOf(z.port())));
            }
        }
        engine.snapshot().service(SipService.KEY).listeningAddresses().forEach(a -> add(rows, listener("SIP", a)));
        TurnSnapshot turn = engine.snapshot().service(TurnService.KEY);
        turn.listeningAddresses().forEach(a -> add(rows, listener("TURN", a)));
        if (!turn.listeningAddresses().isEmpty()) {
            TurnConfig t = cfg.service(TurnService.KEY);
            for (String relay : turn.relayAddresses().isEmpty() ? List.of(cfg.bindAddress()) : turn.relayAddresses()) {
                add(rows, new PortRow("TURN relays (media)", "UDP", relay,
                        t.mediaPortRangeStart() + "-" + t.mediaPortRangeEnd()));
            }
        }
        return sorted(rows);
    }

    /** Where this node connects to: traversal client and neighbor zones' peers. */
    public List<PortRow> outbound() {
        EngineConfig cfg = engine.appliedConfig();
        Map<String, PortRow> rows = new LinkedHashMap<>();
        for (ZoneConfig z : cfg.service(SipService.KEY).zones()) {
            ZoneRole role = ZoneRole.of(z.type(), cfg.role());
            if (z.sipEnabled() && role != ZoneRole.SERVER) {
                String kind = role == ZoneRole.CLIENT ? "Traversal zone " : "Neighbor zone ";
                for (String peer : z.peers()) {
                    add(rows, new PortRow(kind + z.name(), z.transport().name(), peer, String.valueOf(z.port())));
                }
            }
        }
        return sorted(rows);
    }

    /** "UDP 0.0.0.0:5060" (or "TLS 0.0.0.0:7001 (zone edge)") as the engine reports a listener. */
    static PortRow listener(String service, String reported) {
        int note = reported.indexOf(" (");
        String[] parts = (note < 0 ? reported : reported.substring(0, note)).split(" ", 2);
        String hostPort = parts.length == 2 ? parts[1] : parts[0];
        int colon = hostPort.lastIndexOf(':');
        String host = hostPort.substring(0, colon).replace("[", "").replace("]", "");
        return new PortRow(service, parts.length == 2 ? parts[0] : "", host, hostPort.substring(colon + 1));
    }

    private static void add(Map<String, PortRow> rows, PortRow row) {
        rows.putIfAbsent(row.protocol() + " " + row.ports(), row);
    }

    private static List<PortRow> sorted(Map<String, PortRow> rows) {
        List<PortRow> list = new ArrayList<>(rows.values());
        list.sort(Comparator.comparingInt((PortRow r) -> firstPort(r.ports())).thenComparing(PortRow::protocol));
        return list;
    }

    private static int firstPort(String ports) {
        int dash = ports.indexOf('-');
        return Integer.parseInt(dash < 0 ? ports : ports.substring(0, dash));
    }
}
