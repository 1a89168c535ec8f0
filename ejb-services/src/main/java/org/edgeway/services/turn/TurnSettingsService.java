package org.edgeway.services.turn;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Arrays;
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
            copy(new TurnSettingsForm(), s);
            em.persist(s);
        }
    }

    public TurnSettingsForm form() {
        TurnSettings s = settings();
        TurnSettingsForm f = new TurnSettingsForm();
        f.setEnabled(s.isEnabled());
        f.setTcp443Enabled(s.isTcp443Enabled());
        f.setPortMultiplexing(s.isPortMultiplexing());
        f.setRequestsPort(s.getRequestsPort());
        f.setRequestsPortRangeStart(s.getRequestsPortRangeStart());
        f.setRequestsPortRangeEnd(s.getRequestsPortRangeEnd());
        f.setProtocolMode(TurnConfig.ProtocolMode.valueOf(s.getProtocolMode()));
        f.setDelegatedCredentialChecking(s.isDelegatedCredentialChecking());
        f.setRealm(s.getRealm());
        f.setMediaPortRangeStart(s.getMediaPortRangeStart());
        f.setMediaPortRangeEnd(s.getMediaPortRangeEnd());
        f.setAllowUnauthenticatedStunBinding(s.isAllowUnauthenticatedStun());
        f.setPeerAllow(s.getPeerAllow());
        f.setPeerDeny(s.getPeerDeny());
        f.setSharedSecretSet(s.getSharedSecretEncrypted() != null);
        f.setUnauthorizedPerSecond(s.getUnauthorizedPerSecond());
        f.setTlsEnabled(s.isTlsEnabled());
        f.setTlsPort(s.getTlsPort());
        return f;
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
        Changes changes = new Changes(PAGE)
                .compare("TURN services", onOff(s.isEnabled()), onOff(form.isEnabled()))
                .compare("TCP 443 TURN service", onOff(s.isTcp443Enabled()), onOff(form.isTcp443Enabled()))
                .compare("TURN port multiplexing", onOff(s.isPortMultiplexing()), onOff(form.isPortMultiplexing()))
                .compare("TURN requests port", s.getRequestsPort(), form.getRequestsPort())
                .compare("TURN requests port range start", s.getRequestsPortRangeStart(), form.getRequestsPortRangeStart())
                .compare("TURN requests port range end", s.getRequestsPortRangeEnd(), form.getRequestsPortRangeEnd())
                .compare("Protocol mode", s.getProtocolMode(), form.getProtocolMode().name())
                .compare("Delegated credential checking", onOff(s.isDelegatedCredentialChecking()),
                        onOff(form.isDelegatedCredentialChecking()))
                .compare("Authentication realm", s.getRealm(), form.getRealm())
                .compare("Media port range start", s.getMediaPortRangeStart(), form.getMediaPortRangeStart())
                .compare("Media port range end", s.getMediaPortRangeEnd(), form.getMediaPortRangeEnd())
                .compare("Unauthenticated STUN Binding", onOff(s.isAllowUnauthenticatedStun()),
                        onOff(form.isAllowUnauthenticatedStunBinding()))
                .compare("Peer allow list", s.getPeerAllow(), form.getPeerAllow())
                .compare("Peer deny list", s.getPeerDeny(), form.getPeerDeny())
                .compare("Unauthorized responses per second", s.getUnauthorizedPerSecond(),
                        form.getUnauthorizedPerSecond())
                .compare("TURN over TLS", onOff(s.isTlsEnabled()), onOff(form.isTlsEnabled()))
                .compare("TURN TLS port", s.getTlsPort(), form.getTlsPort());
        String secretBefore = s.getSharedSecretEncrypted() == null ? null : "set";
        copy(form, s);
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
        return TurnConfig.builder()
                .enabled(s.isEnabled())
                .tcp443Enabled(s.isTcp443Enabled())
                .tcp443Port(Integer.getInteger(TCP443_PORT_PROPERTY, 443))
                .portMultiplexing(s.isPortMultiplexing())
                .requestsPort(s.getRequestsPort())
                .requestsPortRange(s.getRequestsPortRangeStart(), s.getRequestsPortRangeEnd())
                .protocolMode(TurnConfig.ProtocolMode.valueOf(s.getProtocolMode()))
                .delegatedCredentialChecking(s.isDelegatedCredentialChecking())
                .realm(s.getRealm())
                .mediaPortRange(s.getMediaPortRangeStart(), s.getMediaPortRangeEnd())
                .allowUnauthenticatedStunBinding(s.isAllowUnauthenticatedStun())
                .peerAllow(lines(s.getPeerAllow()))
                .peerDeny(lines(s.getPeerDeny()))
                .credentials(localDatabase.passwordsForEngine())
                .sharedSecret(secrets.decrypt(s.getSharedSecretEncrypted()))
                .unauthorizedPerSecond(s.getUnauthorizedPerSecond())
                .tlsEnabled(s.isTlsEnabled())
                .tlsPort(s.getTlsPort())
                // the node's server certificate (HTTPS), created at first start; replacing the file is picked up live
                .tlsKeyStore(System.getProperty(DATA_DIR_PROPERTY, ".") + "/tls/https.p12")
                .tlsKeyStorePassword(System.getProperty(TLS_PASSWORD_PROPERTY))
                .build();
    }

    private static boolean usesRange(TurnSettingsForm f, SystemSize size) {
        return size == SystemSize.LARGE && !f.isPortMultiplexing();
    }

    private static int[] requestPorts(TurnSettingsForm f, SystemSize size) {
        if (!usesRange(f, size)) {
            return new int[] {f.getRequestsPort()};
        }
        int n = Math.max(0, f.getRequestsPortRangeEnd() - f.getRequestsPortRangeStart() + 1);
        int[] ports = new int[Math.min(n, 65536)];
        for (int i = 0; i < ports.length; i++) {
            ports[i] = f.getRequestsPortRangeStart() + i;
        }
        return ports;
    }

    private static void checkCidrs(InvalidSettingsException.Collector errors, String field, String text) {
        for (String line : lines(text)) {
            try {
                Cidr.parse(line);
            } catch (IllegalArgumentException e) {
                errors.reject(field, "'" + line + "' is not an address or CIDR prefix such as 10.0.0.0/8 or 2001:db8::/32");
                return;
            }
        }
    }

    static List<String> lines(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.split("[\\r\\n,]+")).map(String::trim).filter(l -> !l.isEmpty()).toList();
    }

    private static void copy(TurnSettingsForm f, TurnSettings s) {
        s.setEnabled(f.isEnabled());
        s.setTcp443Enabled(f.isTcp443Enabled());
        s.setPortMultiplexing(f.isPortMultiplexing());
        s.setRequestsPort(f.getRequestsPort());
        s.setRequestsPortRangeStart(f.getRequestsPortRangeStart());
        s.setRequestsPortRangeEnd(f.getRequestsPortRangeEnd());
        s.setProtocolMode(f.getProtocolMode().name());
        s.setDelegatedCredentialChecking(f.isDelegatedCredentialChecking());
        s.setRealm(f.getRealm());
        s.setMediaPortRangeStart(f.getMediaPortRangeStart());
        s.setMediaPortRangeEnd(f.getMediaPortRangeEnd());
        s.setAllowUnauthenticatedStun(f.isAllowUnauthenticatedStunBinding());
        s.setPeerAllow(f.getPeerAllow());
        s.setPeerDeny(f.getPeerDeny());
        s.setUnauthorizedPerSecond(f.getUnauthorizedPerSecond());
        s.setTlsEnabled(f.isTlsEnabled());
        s.setTlsPort(f.getTlsPort());
    }

    private TurnSettings settings() {
        TurnSettings s = em.find(TurnSettings.class, TurnSettings.SINGLETON_ID);
        if (s == null) {
            throw new IllegalStateException("TURN settings missing: first start did not complete");
        }
        return s;
    }

    private static String onOff(boolean on) {
        return on ? "On" : "Off";
    }
}
