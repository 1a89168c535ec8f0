package org.edgeway.services.media;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Optional;
import org.edgeway.engine.rtp.MediaConfig;
import org.edgeway.engine.rtp.MediaRelayService;
import org.edgeway.persistence.media.MediaSettings;
import org.edgeway.services.alarms.Alarms;
import org.edgeway.services.configlog.Changes;
import org.edgeway.services.configlog.ConfigurationLog;
import org.edgeway.services.engine.EngineLifecycle;
import org.edgeway.services.security.Caller;
import org.edgeway.services.system.AdministrationSettings;
import org.edgeway.services.system.SystemSettingsService;

/**
 * Configuration &gt; Local Zone &gt; Traversal Subzone (the media port range, applied to new calls at once) and
 * Configuration &gt; Traversal &gt; Ports (the demultiplexing pair, which seed 003 says needs a restart: until then
 * the restart alarm is open). Until the first save there is no row and {@link MediaConfig#defaults()} apply.
 */
@Stateless
public class MediaSettingsService {

    public static final String SUBZONE_PAGE = "Configuration > Local Zone > Traversal Subzone";
    public static final String PORTS_PAGE = "Configuration > Traversal > Ports";
    /** Open while the stored demultiplexing pair differs from the one the node started with. */
    public static final String RESTART_ALARM = "restart.demultiplexingPorts";

    @PersistenceContext
    private EntityManager em;
    @Inject
    private Caller caller;
    @Inject
    private ConfigurationLog configurationLog;
    @Inject
    private SystemSettingsService system;
    @Inject
    private NodeListeningPorts listeningPorts;
    @Inject
    private MediaEngineConfig engineConfig;
    @Inject
    private Alarms alarms;
    @Inject
    private EngineLifecycle engine;

    public TraversalSubzoneForm subzoneForm() {
        return MediaSettingLists.SUBZONE.toForm(stored(), new TraversalSubzoneForm());
    }

    public TraversalPortsForm portsForm() {
        return MediaSettingLists.PORTS.toForm(stored(), new TraversalPortsForm());
    }

    public void saveSubzone(@NotNull @Valid TraversalSubzoneForm form) {
        caller.requireWrite();
        AdministrationSettings node = system.administration();
        MediaPortRules.checkRange(form, storedConfig(), listeningPorts.list(node.getNodeRole(), node.getSystemSize()));
        MediaSettings s = row();
        configurationLog.recordForEngine(
                MediaSettingLists.SUBZONE.store(form, s, false, null, new Changes(SUBZONE_PAGE)));
    }

    public void savePorts(@NotNull @Valid TraversalPortsForm form) {
        caller.requireWrite();
        AdministrationSettings node = system.administration();
        MediaPortRules.checkDemux(form, storedConfig(), node.getSystemSize(),
                listeningPorts.list(node.getNodeRole(), node.getSystemSize()));
        MediaSettings s = row();
        Changes changes = MediaSettingLists.PORTS.store(form, s, false, null, new Changes(PORTS_PAGE));
        if (changes.isEmpty()) {
            return;
        }
        configurationLog.record(changes);
        if (engineConfig.restartPending(config(s))) {
            alarms.raise(RESTART_ALARM, "Warning", "Restart required: demultiplexing ports changed",
                    "Restart the node (Maintenance > Restart options) for " + PORTS_PAGE + " to take effect");
        } else {
            alarms.lower(RESTART_ALARM);
        }
    }

    /** At start the node takes the stored demultiplexing pair: nothing waits for a restart. */
    public void reconcileAtStart() {
        alarms.lower(RESTART_ALARM);
    }

    /** The media settings as stored (or the defaults), before any start-time override of the range. */
    public MediaConfig storedConfig() {
        return config(stored());
    }

    /** What the media relay runs with, as the engine reports it ("ports 36000-59999; demultiplexing on ..."). */
    public String relayStatus() {
        var s = engine.snapshot().service(MediaRelayService.KEY);
        return s.state().label() + (s.detail() == null || s.detail().isBlank() ? "" : ": " + s.detail());
    }

    /** Whether saved demultiplexing ports wait for a restart. */
    public boolean restartPending() {
        return engineConfig.restartPending(storedConfig());
    }

    /** The start-time override of the range ({@link MediaEngineConfig#RANGE_PROPERTY}), when one is set. */
    public Optional<String> rangeOverride() {
        return MediaEngineConfig.rangeOverride().map(r -> r[0] + "-" + r[1]);
    }

    private static MediaConfig config(MediaSettings s) {
        return MediaConfig.defaults().withRange(s.getRangeStart(), s.getRangeEnd())
                .withDemux(s.isUseConfiguredDemuxPorts(), s.getDemuxRtpPort(), s.getDemuxRtcpPort());
    }

    /** The stored row, created from the defaults at the first save. */
    private MediaSettings row() {
        MediaSettings s = em.find(MediaSettings.class, MediaSettings.SINGLETON_ID);
        if (s == null) {
            s = defaults();
            em.persist(s);
        }
        return s;
    }

    private MediaSettings stored() {
        MediaSettings s = em.find(MediaSettings.class, MediaSettings.SINGLETON_ID);
        return s == null ? defaults() : s;
    }

    /** The settings of a new install, from the engine's defaults, as an entity. */
    private static MediaSettings defaults() {
        MediaSettings s = new MediaSettings();
        MediaSettingLists.SUBZONE.toEntity(new TraversalSubzoneForm(), s);
        MediaSettingLists.PORTS.toEntity(new TraversalPortsForm(), s);
        return s;
    }
}
