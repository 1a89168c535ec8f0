package org.edgeway.services.system;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import java.util.List;
import org.edgeway.engine.EngineConfig;
import org.edgeway.engine.NodeRole;
import org.edgeway.engine.SystemSize;
import org.edgeway.persistence.system.NtpServer;
import org.edgeway.persistence.system.SystemSettings;
import org.edgeway.services.configlog.Changes;
import org.edgeway.services.configlog.ConfigurationLog;
import org.edgeway.services.security.Caller;
import org.edgeway.services.security.SecretBox;
import org.edgeway.services.validation.InvalidSettingsException;

/**
 * System > DNS, System > Time and System > Administration: reads settings as forms, and saves them validated,
 * logged, committed, then handed to the engine ({@link SettingsChanged} observed after commit).
 */
@Stateless
public class SystemSettingsService {

    public static final String DNS_PAGE = "System > DNS";
    public static final String TIME_PAGE = "System > Time";
    public static final String ADMINISTRATION_PAGE = "System > Administration";

    @PersistenceContext
    private EntityManager em;
    @Inject
    private Caller caller;
    @Inject
    private ConfigurationLog configurationLog;
    @Inject
    private Event<SettingsChanged> settingsChanged;
    @Inject
    private SecretBox secrets;

    /** Creates the settings row and NTP slots at first start; later starts change nothing. */
    public void initialize(NodeRole role, SystemSize size) {
        if (em.find(SystemSettings.class, SystemSettings.SINGLETON_ID) != null) {
            return;
        }
        SystemSettings s = new SystemSettings();
        s.setNodeRole(role.name());
        s.setSystemSize(size.name());
        s.setTimeZone("UTC");
        s.setSessionTimeoutMinutes(AdministrationSettings.DEFAULT_SESSION_TIMEOUT_MINUTES);
        s.setAutomatedProtection(true);
        s.setDnsServers(java.util.Arrays.asList(new String[SystemSettings.DNS_SERVER_SLOTS]));
        em.persist(s);
        for (int slot = 1; slot <= NtpServer.SLOTS; slot++) {
            em.persist(new NtpServer(slot));
        }
    }

    public DnsSettings dns() {
        SystemSettings s = settings();
        DnsSettings form = SystemSettingLists.DNS_NAMES.toForm(s, new DnsSettings());
        form.dnsServers(s.getDnsServers());
        return form;
    }

    public void saveDns(@NotNull @Valid DnsSettings form) {
        caller.requireWrite();
        SystemSettings s = settings();
        Changes changes = SystemSettingLists.DNS_NAMES.compare(new Changes(DNS_PAGE), s, form);
        List<String> old = s.getDnsServers();
        List<String> next = form.dnsServers();
        for (int i = 0; i < next.size(); i++) {
            changes.compare("DNS server address " + (i + 1), old.get(i), next.get(i));
        }
        SystemSettingLists.DNS_NAMES.toEntity(form, s);
        s.setDnsServers(next);
        commit(changes);
    }

    public TimeSettings time() {
        SystemSettings s = settings();
        TimeSettings form = new TimeSettings();
        form.setTimeZone(s.getTimeZone());
        for (NtpServer n : ntpServers()) {
            NtpServerSettings f = form.ntp(n.getSlot());
            f.setAddress(n.getAddress());
            f.setAuthentication(NtpAuthentication.valueOf(n.getAuthenticationMethod()));
            f.setKeyId(n.getKeyId());
            f.setHashMethod(n.getHashMethod() == null ? null : NtpServerSettings.HashMethod.valueOf(n.getHashMethod()));
            f.setPassPhraseSet(n.getPassPhraseEncrypted() != null);
        }
        return form;
    }

    /** Saves System > Time; an empty pass phrase keeps the stored one (write-only), unless cleared. */
    public void saveTime(@NotNull @Valid TimeSettings form) {
        caller.requireWrite();
        List<NtpServer> stored = ntpServers();
        InvalidSettingsException.Collector errors = new InvalidSettingsException.Collector();
        if (!ZoneId.getAvailableZoneIds().contains(form.getTimeZone())) {
            errors.reject("timeZone", "is not a known time zone");
        }
        for (NtpServer n : stored) {
            NtpServerSettings f = form.ntp(n.getSlot());
            String prefix = "ntpServer" + n.getSlot();
            if (f.isSymmetricKey()) {
                if (f.getKeyId() == null) {
                    errors.reject(prefix + "KeyId", "is required for Symmetric key authentication");
                }
                if (f.getHashMethod() == null) {
                    errors.reject(prefix + "HashMethod", "is required for Symmetric key authentication");
                }
                if (f.getPassPhrase() == null && (f.isClearPassPhrase() || n.getPassPhraseEncrypted() == null)) {
                    errors.reject(prefix + "PassPhrase", "is required for Symmetric key authentication");
                }
            }
            if (f.getAuthentication() != NtpAuthentication.DISABLED && f.getAddress() == null) {
                errors.reject(prefix + "Address", "is required when authentication is used");
            }
        }
        errors.throwIfAny();

        SystemSettings s = settings();
        Changes changes = new Changes(TIME_PAGE).compare("Time zone", s.getTimeZone(), form.getTimeZone());
        s.setTimeZone(form.getTimeZone());
        for (NtpServer n : stored) {
            NtpServerSettings f = form.ntp(n.getSlot());
            boolean symmetric = f.isSymmetricKey();
            Integer keyId = symmetric ? f.getKeyId() : null;
            String hash = symmetric ? f.getHashMethod().name() : null;
            String pass = !symmetric ? null
                    : f.getPassPhrase() != null ? secrets.encrypt(f.getPassPhrase()) : n.getPassPhraseEncrypted();
            String label = "NTP server " + n.getSlot();
            changes.compare(label + " address", n.getAddress(), f.getAddress())
                    .compare(label + " authentication", label(n.getAuthenticationMethod()), f.getAuthentication().getLabel())
                    .compare(label + " key ID", n.getKeyId(), keyId)
                    .compare(label + " hash method", n.getHashMethod(), hash)
                    // ciphertexts differ for the same phrase: a new phrase given counts as a change
                    .compareSecret(label + " pass phrase", n.getPassPhraseEncrypted() == null ? null : "set",
                            pass == null ? null : f.getPassPhrase() != null ? "new" : "set");
            n.setAddress(f.getAddress());
            n.setAuthenticationMethod(f.getAuthentication().name());
            n.setKeyId(keyId);
            n.setHashMethod(hash);
            n.setPassPhraseEncrypted(pass);
        }
        commit(changes);
    }

    public AdministrationSettings administration() {
        SystemSettings s = settings();
        return SystemSettingLists.ADMINISTRATION.toForm(s, new AdministrationSettings());
    }

    public void saveAdministration(@NotNull @Valid AdministrationSettings form) {
        caller.requireWrite();
        SystemSettings s = settings();
        Changes changes = SystemSettingLists.ADMINISTRATION.compare(new Changes(ADMINISTRATION_PAGE), s, form);
        SystemSettingLists.ADMINISTRATION.toEntity(form, s);
        commit(changes);
    }

    public int sessionTimeoutMinutes() {
        return settings().getSessionTimeoutMinutes();
    }

    /** Which node this is, for the header of every page: "Expressway-E - hostname" (role alone before DNS is set). */
    public String nodeTitle() {
        SystemSettings s = settings();
        return NodeRole.valueOf(s.getNodeRole()).label() + (s.getHostName() == null ? "" : " - " + s.getHostName());
    }

    /** Whether this node is a Large system (options only Large systems have). */
    public boolean isLargeSystem() {
        return SystemSize.valueOf(settings().getSystemSize()) == SystemSize.LARGE;
    }

    /** The node roles the Administration page offers. */
    public List<NodeRole> nodeRoles() {
        return List.of(NodeRole.values());
    }

    /** The system sizes the Administration page offers. */
    public List<SystemSize> systemSizes() {
        return List.of(SystemSize.values());
    }

    /** The engine's view of the system settings; other features contribute their services' parts. */
    public EngineConfig engineConfig(String bindAddress) {
        SystemSettings s = settings();
        NodeDraft node = SystemSettingLists.ADMINISTRATION.toEngine(s, new NodeDraft());
        SystemSettingLists.DNS_NAMES.toEngine(s, node);
        return new EngineConfig(node.build(bindAddress), java.util.Map.of());
    }

    private void commit(Changes changes) {
        if (changes.isEmpty()) {
            return;
        }
        configurationLog.record(changes);
        settingsChanged.fire(new SettingsChanged(changes.list().get(0).setting()));
    }

    private SystemSettings settings() {
        SystemSettings s = em.find(SystemSettings.class, SystemSettings.SINGLETON_ID);
        if (s == null) {
            throw new IllegalStateException("system settings missing: first start did not complete");
        }
        return s;
    }

    private List<NtpServer> ntpServers() {
        return em.createQuery("select n from NtpServer n order by n.slot", NtpServer.class).getResultList();
    }

    private static String label(String method) {
        return NtpAuthentication.valueOf(method).getLabel();
    }
}
