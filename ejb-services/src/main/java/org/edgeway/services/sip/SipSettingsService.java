package org.edgeway.services.sip;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.Map;
import org.edgeway.engine.sip.SipConfig;
import org.edgeway.persistence.sip.SipSettings;
import org.edgeway.services.configlog.Changes;
import org.edgeway.services.configlog.ConfigurationLog;
import org.edgeway.services.security.Caller;
import org.edgeway.services.turn.TurnSettingsForm;
import org.edgeway.services.turn.TurnSettingsService;

/**
 * Configuration &gt; Protocols &gt; SIP: reads, validates and stores the settings. Until the first save there is
 * no row and the engine's defaults apply (SIP mode Off on a new install, as the seed says).
 */
@Stateless
public class SipSettingsService {

    public static final String PAGE = "Configuration > Protocols > SIP";

    @PersistenceContext
    private EntityManager em;
    @Inject
    private Caller caller;
    @Inject
    private ConfigurationLog configurationLog;
    @Inject
    private TurnSettingsService turn;

    public SipSettingsForm form() {
        return SipSettingList.SETTINGS.toForm(stored(), new SipSettingsForm());
    }

    public void save(@NotNull @Valid SipSettingsForm form) {
        caller.requireWrite();
        SipSettingsRules.check(form, portsOfOtherServices());

        SipSettings s = em.find(SipSettings.class, SipSettings.SINGLETON_ID);
        Changes changes = SipSettingList.SETTINGS.compare(new Changes(PAGE), s == null ? defaults() : s, form);
        if (s == null) {
            s = new SipSettings();
            SipSettingList.SETTINGS.toEntity(form, s);
            em.persist(s);
        } else {
            SipSettingList.SETTINGS.toEntity(form, s);
        }
        configurationLog.recordForEngine(changes);
    }

    /** {@code config} with the SIP page's part (mode, listeners, timeouts) from the stored settings. */
    public SipConfig withProtocol(SipConfig config) {
        return SipSettingList.SETTINGS.toEngine(stored(), new SipProtocolDraft()).applyTo(config);
    }

    /** The ports TURN listens on (or will, once On): a SIP listener there could not bind. */
    private Map<Integer, String> portsOfOtherServices() {
        TurnSettingsForm t = turn.form();
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(t.getRequestsPort(), "the TURN requests port");
        if (t.isTlsEnabled()) {
            ports.put(t.getTlsPort(), "the TURN TLS port");
        }
        return ports;
    }

    private SipSettings stored() {
        SipSettings s = em.find(SipSettings.class, SipSettings.SINGLETON_ID);
        return s == null ? defaults() : s;
    }

    /** The settings of a new install, as an entity that is never persisted. */
    private static SipSettings defaults() {
        SipSettings s = new SipSettings();
        SipSettingList.SETTINGS.toEntity(new SipSettingsForm(), s);
        return s;
    }
}
