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
import org.edgeway.engine.net.Cidr;
import org.edgeway.persistence.turn.TurnSettings;
import org.edgeway.services.authentication.LocalDatabase;
import org.edgeway.services.configlog.Changes;
import org.edgeway.services.configlog.ConfigurationLog;
import org.edgeway.services.security.Caller;
import org.edgeway.services.security.SecretBox;
import org.edgeway.services.system.SettingsChanged;
import org.edgeway.services.system.SystemSettingsService;
import org.edgeway.services.validation.InvalidSettingsException;

/** Configuration &gt; Traversal &gt; TURN: reads, validates and stores the settings; builds the engine's TurnConfig. */
@Stateless
public class TurnSettingsService {

    public static final String PAGE = "Configuration > Traversal > TURN";
    /** Port of the "TCP 443 TURN service" listener; configurable because tests cannot bind 443. */
    public static final String TCP443_PORT_PROPERTY = "edgeway.turn.tcp443-port";
    /** The node's data directory and the password of its server keystore (set by edgeway.sh). */
    static final String DATA_DIR_PROPERTY = "edgeway.data.dir";
    static final String TLS_PASSWORD_PROPERTY = "edgeway.tls.password";

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
        InvalidSettingsException.Collector errors = new InvalidSettingsException.Collector();
        if (form.isPortMultiplexing() && size != SystemSize.LARGE) {
            errors.reject("portMultiplexing", "is only available on Large systems");
        }
        if (form.getRequestsPortRangeEnd() < form.getRequestsPortRangeStart()) {
            errors.reject("requestsPortRangeEnd", "must not be below the range start");
        }
        if (form.getMediaPortRangeEnd() <= form.getMediaPortRangeStart()) {
            errors.reject("mediaPortRangeEnd", "must be above the range start");
        }
        if (form.isTcp443Enabled() && !form.getProtocolMode().tcp()) {
            errors.reject("tcp443Enabled", "needs a protocol mode that includes TCP");
        }
        if (form.isTlsEnabled() && form.getTlsPort() >= form.getMediaPortRangeStart()
                && form.getTlsPort() <= form.getMediaPortRangeEnd()) {
            errors.reject("tlsPort", "must lie outside the media port range");
        }
        if (form.isTlsEnabled() && !usesRange(form, size) && form.getTlsPort() == form.getRequestsPort()
                && form.getProtocolMode().tcp()) {
            errors.reject("tlsPort", "must differ from the TURN requests port");
        }
        for (int port : requestPorts(form, size)) {
            if (port >= form.getMediaPortRangeStart() && port <= form.getMediaPortRangeEnd()) {
                errors.reject(usesRange(form, size) ? "requestsPortRangeStart" : "requestsPort",
                        "must lie outside the media port range");
                break;
            }
        }
        checkCidrs(errors, "peerAllow", form.getPeerAllow());
        checkCidrs(errors, "peerDeny", form.getPeerDeny());
        errors.throwIfAny();

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
                // the node's server certificate (HTTPS), created at first start; replacing the file is picked up live
                .tlsKeyStore(System.getProperty(DATA_DIR_PROPERTY, ".") + "/tls/https.p12")
                .tlsKeyStorePassword(System.getProperty(TLS_PASSWORD_PROPERTY))
                .build();
    }

    private static boolean usesRange(TurnSettingsForm f, SystemSize size) {
        return TurnConfig.usesPortRange(size, f.isPortMultiplexing());
    }

    private static List<Integer> requestPorts(TurnSettingsForm f, SystemSize size) {
        return TurnConfig.requestPorts(size, f.isPortMultiplexing(), f.getRequestsPort(),
                f.getRequestsPortRangeStart(), f.getRequestsPortRangeEnd());
    }

    private static void checkCidrs(InvalidSettingsException.Collector errors, String field, String text) {
        for (String line : TurnSettingList.lines(text)) {
            try {
                Cidr.parse(line);
            } catch (IllegalArgumentException e) {
                errors.reject(field, "'" + line + "' is not an address or CIDR prefix such as 10.0.0.0/8 or 2001:db8::/32");
                return;
            }
        }
    }

    private TurnSettings settings() {
        TurnSettings s = em.find(TurnSettings.class, TurnSettings.SINGLETON_ID);
        if (s == null) {
            throw new IllegalStateException("TURN settings missing: first start did not complete");
        }
        return s;
    }
}
