package org.edgeway.services.turn;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.edgeway.engine.SystemSize;
import org.edgeway.engine.turn.TurnConfig;
import org.edgeway.persistence.turn.TurnSettings;
import org.edgeway.services.authentication.LocalDatabase;
import org.edgeway.services.configlog.Changes;
import org.edgeway.services.configlog.ConfigurationLog;
import org.edgeway.services.security.Caller;
import org.edgeway.services.security.NodeCertificate;
import org.edgeway.services.security.SecretBox;
import org.edgeway.services.system.SettingsChanged;
import org.edgeway.services.system.SystemSettingsService;

/** Configuration &gt; Traversal &gt; TURN: reads, validates and stores the settings; builds the engine's TurnConfig. */
@Stateless
public class TurnSettingsService {

    public static final String PAGE = "Configuration > Traversal > TURN";
    /** Port of the "TCP 443 TURN service" listener; configurable because tests cannot bind 443. */
    public static final String TCP443_PORT_PROPERTY = "edgeway.turn.tcp443-port";

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
    private Event<SettingsChanged> settingsChanged;

    /** Stores the seed's defaults at first start. */
    public void initialize() {
        if (em.find(TurnSettings.class, TurnSettings.SINGLETON_ID) == null) {
            TurnSettings s = new TurnSettings();
            TurnSettingList.SETTINGS.toEntity(new TurnSettingsForm(), s);
            em.persist(s);
        }
    }

    public TurnSettingsForm form() {
        TurnSettings s = settings();
        TurnSettingsForm f = TurnSettingList.SETTINGS.toForm(s, new TurnSettingsForm());
        f.setSharedSecretSet(s.getSharedSecretEncrypted() != null);
        return f;
    }

    /** The protocol modes the page offers. */
    public List<TurnConfig.ProtocolMode> protocolModes() {
        return List.of(TurnConfig.ProtocolMode.values());
    }

    public void save(@NotNull @Valid TurnSettingsForm form) {
        caller.requireWrite();
        SystemSize size = system.administration().getSystemSize();
        TurnSettingsRules.check(form, size);

        TurnSettings s = settings();
        Changes changes = TurnSettingList.SETTINGS.compare(new Changes(PAGE), s, form);
        String secretBefore = s.getSharedSecretEncrypted() == null ? null : "set";
        TurnSettingList.SETTINGS.toEntity(form, s);
        if (form.isClearSharedSecret()) {
            s.setSharedSecretEncrypted(null);
        } else if (form.getSharedSecret() != null) {
            s.setSharedSecretEncrypted(secrets.encrypt(form.getSharedSecret()));
        }
        changes.compareSecret("Time-limited credentials shared secret", secretBefore,
                form.getSharedSecret() != null ? "new" : s.getSharedSecretEncrypted() == null ? null : secretBefore);
        if (!changes.isEmpty()) {
            configurationLog.record(changes);
            settingsChanged.fire(new SettingsChanged(PAGE));
        }
    }

    /** The TURN configuration the stored settings describe, with the local database's credentials. */
    public TurnConfig engineConfig() {
        TurnSettings s = settings();
        return TurnSettingList.SETTINGS.toEngine(s, TurnConfig.builder())
                .tcp443Port(Integer.getInteger(TCP443_PORT_PROPERTY, 443))
                .credentials(localDatabase.passwordsForEngine())
                .sharedSecret(secrets.decrypt(s.getSharedSecretEncrypted()))
                .tlsKeyStore(NodeCertificate.keyStorePath())
                .tlsKeyStorePassword(NodeCertificate.keyStorePassword())
                .build();
    }

    private TurnSettings settings() {
        TurnSettings s = em.find(TurnSettings.class, TurnSettings.SINGLETON_ID);
        if (s == null) {
            throw new IllegalStateException("TURN settings missing: first start did not complete");
        }
        return s;
    }
}
