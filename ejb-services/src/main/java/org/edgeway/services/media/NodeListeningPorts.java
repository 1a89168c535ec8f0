package org.edgeway.services.media;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import org.edgeway.engine.NodeRole;
import org.edgeway.engine.SystemSize;
import org.edgeway.engine.turn.TurnConfig;
import org.edgeway.engine.zones.ZoneConfig.ZoneType;
import org.edgeway.persistence.zones.Zone;
import org.edgeway.services.sip.SipSettingsForm;
import org.edgeway.services.sip.SipSettingsService;
import org.edgeway.services.turn.TurnSettingsForm;
import org.edgeway.services.turn.TurnSettingsService;
import org.edgeway.services.zones.ZoneRole;

/**
 * The ports the node's other services listen on as their stored settings say (SIP listeners, TURN request, TLS and
 * relay ports, traversal server zones), so the media relay's ports are refused where a listener already is.
 */
@Stateless
public class NodeListeningPorts {

    @PersistenceContext
    private EntityManager em;
    @Inject
    private SipSettingsService sip;
    @Inject
    private TurnSettingsService turn;

    public List<PortUse> list(NodeRole role, SystemSize size) {
        List<PortUse> uses = new ArrayList<>();
        SipSettingsForm s = sip.form();
        if (s.isUdpEnabled()) {
            uses.add(PortUse.single(s.getUdpPort(), "the SIP UDP port"));
        }
        if (s.isTcpEnabled()) {
            uses.add(PortUse.single(s.getTcpPort(), "the SIP TCP port"));
        }
        if (s.isTlsEnabled()) {
            uses.add(PortUse.single(s.getTlsPort(), "the SIP TLS port"));
        }
        TurnSettingsForm t = turn.form();
        for (int port : TurnConfig.requestPorts(size, t.isPortMultiplexing(), t.getRequestsPort(),
                t.getRequestsPortRangeStart(), t.getRequestsPortRangeEnd())) {
            uses.add(PortUse.single(port, "a TURN requests port"));
        }
        if (t.isTlsEnabled()) {
            uses.add(PortUse.single(t.getTlsPort(), "the TURN TLS port"));
        }
        uses.add(new PortUse(t.getMediaPortRangeStart(), t.getMediaPortRangeEnd(), "the TURN media port range"));
        for (Zone z : em.createNamedQuery(Zone.ALL, Zone.class).getResultList()) {
            if (ZoneRole.of(ZoneType.valueOf(z.getType()), role) == ZoneRole.SERVER) {
                uses.add(PortUse.single(z.getPort(), "the port of zone " + z.getName()));
            }
        }
        return uses;
    }
}
