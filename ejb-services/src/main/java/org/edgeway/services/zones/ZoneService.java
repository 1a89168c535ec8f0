package org.edgeway.services.zones;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.edgeway.engine.EngineState;
import org.edgeway.engine.NodeRole;
import org.edgeway.engine.sip.SipConfig;
import org.edgeway.engine.sip.SipService;
import org.edgeway.engine.sip.SipSnapshot;
import org.edgeway.engine.zones.SearchRule;
import org.edgeway.engine.zones.ZoneConfig;
import org.edgeway.engine.zones.ZoneConfig.Transport;
import org.edgeway.engine.zones.ZoneConfig.ZoneType;
import org.edgeway.persistence.zones.Zone;
import org.edgeway.services.authentication.CredentialView;
import org.edgeway.services.authentication.LocalDatabase;
import org.edgeway.services.configlog.Changes;
import org.edgeway.services.configlog.ConfigurationLog;
import org.edgeway.services.engine.EngineLifecycle;
import org.edgeway.services.security.Caller;
import org.edgeway.services.security.SecretBox;
import org.edgeway.services.system.SettingsChanged;
import org.edgeway.services.system.SystemSettingsService;
import org.edgeway.services.validation.InvalidSettingsException;

/**
 * Configuration &gt; Zones &gt; Zones: lists, validates, stores and deletes zones, and builds their part of the SIP
 * engine configuration. A zone's number is its id and is never reused.
 */
@Stateless
public class ZoneService {

    public static final String PAGE = "Configuration > Zones > Zones";
    /** What the list shows as status while the SIP service does not run. */
    public static final String SIP_NOT_RUNNING = "SIP is not running";
    /** The type of the built-in CollaborationEdgeZone in {@link ZoneRow#type()}. */
    public static final String COLLABORATION_EDGE_TYPE = "COLLABORATION_EDGE";

    @PersistenceContext
    private EntityManager em;
    @Inject
    private Caller caller;
    @Inject
    private ConfigurationLog configurationLog;
    @Inject
    private SecretBox secrets;
    @Inject
    private LocalDatabase localDatabase;
    @Inject
    private SystemSettingsService system;
    @Inject
    private EngineLifecycle engine;
    @Inject
    private Event<SettingsChanged> settingsChanged;

    /**
     * Every zone with its status from the engine snapshot (or {@value #SIP_NOT_RUNNING}); on a collaboration edge
     * the built-in CollaborationEdgeZone last.
     */
    public List<ZoneRow> list() {
        SipSnapshot sip = engine.snapshot().service(SipService.KEY);
        boolean running = sip.state() == EngineState.RUNNING;
        Map<Integer, SipSnapshot.ZoneStatus> status = sip.zones().stream()
                .collect(Collectors.toMap(SipSnapshot.ZoneStatus::id, Function.identity(), (a, b) -> a));
        List<Zone> zones = zones();
        List<ZoneRow> rows = new ArrayList<>(zones.stream().map(z -> {
            ZoneType type = ZoneType.valueOf(z.getType());
            SipSnapshot.ZoneStatus s = status.get(z.getId());
            String state = !running ? SIP_NOT_RUNNING : s == null ? "Checking" : s.state();
            String reason = !running ? sip.detail() : s == null ? null : s.reason();
            return new ZoneRow(z.getId(), z.getName(), type.name(), ZoneLabels.type(type), state, reason,
                    s == null ? null : s.peer(), false);
        }).toList());
        if (isCollaborationEdge(zones)) {
            rows.add(new ZoneRow(0, SearchRule.COLLABORATION_EDGE_ZONE, COLLABORATION_EDGE_TYPE,
                    ZoneLabels.COLLABORATION_EDGE, running ? "Active" : SIP_NOT_RUNNING,
                    running ? null : sip.detail(), null, true));
        }
        return rows;
    }

    /**
     * The zone names search rules may use, in zone number order; on a collaboration edge also the
     * CollaborationEdgeZone, where MRA endpoints come from.
     */
    public List<String> names() {
        List<Zone> zones = zones();
        List<String> names = new ArrayList<>(zones.stream().map(Zone::getName).toList());
        if (isCollaborationEdge(zones)) {
            names.add(SearchRule.COLLABORATION_EDGE_ZONE);
        }
        return names;
    }

    /**
     * The engine's rule (Traversal.isCollaborationEdge): an Expressway-E with a Unified Communications traversal
     * zone has the built-in CollaborationEdgeZone.
     */
    private boolean isCollaborationEdge(List<Zone> zones) {
        return nodeRole() == NodeRole.EXPRESSWAY_E
                && zones.stream().map(z -> ZoneType.valueOf(z.getType()))
                        .anyMatch(t -> t == ZoneType.UNIFIED_COMMUNICATIONS_TRAVERSAL);
    }

    /** Whether Unified Communications features are on: a Unified Communications traversal zone exists. */
    public boolean unifiedCommunicationsEnabled() {
        return zones().stream().anyMatch(z -> ZoneType.valueOf(z.getType()) == ZoneType.UNIFIED_COMMUNICATIONS_TRAVERSAL);
    }

    public Optional<ZoneForm> form(int id) {
        Zone z = em.find(Zone.class, id);
        if (z == null) {
            return Optional.empty();
        }
        ZoneForm f = ZoneSettingList.SETTINGS.toForm(z, new ZoneForm());
        f.setId(z.getId());
        f.setPasswordSet(z.getPasswordEncrypted() != null);
        return Optional.of(f);
    }

    /** A new zone's form: the defaults, with the port its type starts with. */
    public ZoneForm newForm() {
        ZoneForm f = new ZoneForm();
        f.setPort(defaultPort(f.getType(), f.getTransport(), null));
        return f;
    }

    /** The zone types the page offers. */
    public List<ZoneType> types() {
        return List.of(ZoneType.values());
    }

    public List<Transport> transports() {
        return List.of(Transport.values());
    }

    public List<ZoneConfig.AuthenticationPolicy> authenticationPolicies() {
        return List.of(ZoneConfig.AuthenticationPolicy.values());
    }

    public List<ZoneConfig.MediaEncryption> mediaEncryptionModes() {
        return List.of(ZoneConfig.MediaEncryption.values());
    }

    /** What a zone of this type does on this node (a UC traversal zone is a client on C, a server on E). */
    public ZoneRole role(ZoneType type) {
        return ZoneRole.of(type, nodeRole());
    }

    /** After the type changed on the page: the port the new type starts with. */
    public void typeChanged(ZoneForm form) {
        form.setPort(defaultPort(form.getType(), form.getTransport(), form.getId()));
    }

    /** Creates (no id) or updates a zone; returns its number. Nothing is stored when a rule is broken. */
    public int save(@NotNull @Valid ZoneForm form) {
        caller.requireWrite();
        Zone existing = form.getId() == null ? null : em.find(Zone.class, form.getId());
        if (form.getId() != null && existing == null) {
            throw new InvalidSettingsException(Map.of("name", "this zone no longer exists"));
        }
        ZoneRole role = role(form.getType());
        form.keepOnly(role);
        if (form.getPort() == null) {
            form.setPort(defaultPort(form.getType(), form.getTransport(), form.getId()));
        }
        ZoneRules.check(form, role, others(form.getId()), localNames());

        Zone z = existing == null ? new Zone() : existing;
        Changes changes = existing == null
                ? ZoneSettingList.SETTINGS.describe(new Changes(PAGE + " > " + form.getName()), form)
                : ZoneSettingList.SETTINGS.compare(new Changes(PAGE + " > " + existing.getName()), z, form);
        String passwordBefore = z.getPasswordEncrypted() == null ? null : "set";
        ZoneSettingList.SETTINGS.toEntity(form, z);
        if (!role.hasPassword()) {
            z.setPasswordEncrypted(null);
        } else if (form.getPassword() != null) {
            z.setPasswordEncrypted(secrets.encrypt(form.getPassword()));
        }
        changes.compareSecret("Password", passwordBefore,
                form.getPassword() != null ? "new" : z.getPasswordEncrypted() == null ? null : passwordBefore);
        if (existing == null) {
            em.persist(z);
        }
        em.flush();
        if (!changes.isEmpty()) {
            configurationLog.record(changes);
            settingsChanged.fire(new SettingsChanged(PAGE));
        }
        return z.getId();
    }

    public void delete(List<Integer> ids) {
        caller.requireWrite();
        Changes changes = new Changes(PAGE);
        for (Integer id : ids) {
            Zone z = em.find(Zone.class, id);
            if (z != null) {
                em.remove(z);
                changes.compare("Zone " + z.getId() + " " + z.getName(), "present", "deleted");
            }
        }
        if (!changes.isEmpty()) {
            configurationLog.record(changes);
            settingsChanged.fire(new SettingsChanged(PAGE));
        }
    }

    /** The stored zones as the SIP engine takes them, with the traversal clients' passwords. */
    public List<ZoneConfig> engineZones() {
        return zones().stream().map(z -> ZoneSettingList.SETTINGS.toEngine(z, new ZoneDraft())
                .build(z.getId(), secrets.decrypt(z.getPasswordEncrypted()))).toList();
    }

    /**
     * A traversal server starts at 7001 and each new one takes the next port (B-TRAV-04); a client's must match
     * its server's, whose first is 7001; a neighbor uses the SIP port of its transport.
     */
    int defaultPort(ZoneType type, Transport transport, Integer exceptId) {
        return switch (role(type)) {
            case SERVER -> others(exceptId).stream().filter(o -> o.role() == ZoneRole.SERVER)
                    .mapToInt(o -> o.port() + 1).max().orElse(ZoneConfig.FIRST_TRAVERSAL_PORT);
            case CLIENT -> ZoneConfig.FIRST_TRAVERSAL_PORT;
            case NEIGHBOR -> transport == Transport.TLS ? SipConfig.DEFAULT_TLS_PORT
                    : SipConfig.DEFAULT_PORT;
        };
    }

    private List<ZoneRules.Other> others(Integer exceptId) {
        NodeRole node = nodeRole();
        return zones().stream().filter(z -> !z.getId().equals(exceptId)).map(z -> {
            ZoneType type = ZoneType.valueOf(z.getType());
            return new ZoneRules.Other(z.getId(), z.getName(), type, ZoneRole.of(type, node), z.getPort());
        }).toList();
    }

    private Set<String> localNames() {
        return new HashSet<>(localDatabase.list().stream().map(CredentialView::name).toList());
    }

    private NodeRole nodeRole() {
        return system.administration().getNodeRole();
    }

    private List<Zone> zones() {
        return em.createNamedQuery(Zone.ALL, Zone.class).getResultList();
    }
}
