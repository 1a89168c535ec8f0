package org.edgeway.services.hsm;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.edgeway.persistence.hsm.HsmModule;
import org.edgeway.persistence.hsm.HsmSettings;
import org.edgeway.services.alarms.Alarms;
import org.edgeway.services.configlog.Changes;
import org.edgeway.services.configlog.ConfigurationLog;
import org.edgeway.services.security.Caller;
import org.edgeway.services.security.SecretBox;
import org.edgeway.services.validation.InvalidSettingsException;

/**
 * Maintenance &gt; Security &gt; HSM configuration (seed 001 "Configuring HSM Devices on Expressway", P47): HSM Mode
 * set by Set Mode, the nShield RFS and modules (configuration only: Edgeway has no nShield client), and beyond the
 * seed a PKCS#11 token that holds the server's private key. The listener takes the token's key at the next start
 * (edgeway.sh runs {@link TokenProbe} {@code boot}); the HSM Status check reflects the real token and raises the
 * seed's alarms.
 */
@Stateless
public class HsmConfiguration {

    public static final String PAGE = "Maintenance > Security > HSM configuration";
    public static final String SETTINGS_UPDATED = "An HSM Settings updated";
    public static final String MODULE_ADDED = "An HSM Module successfully added";
    public static final String MODE_UPDATED = "An HSM Mode successfully updated";
    public static final String SERVER_ALARM = "hsm.server";
    public static final String CERTIFICATE_ALARM = "hsm.certificate";
    public static final String MODULE_ALARM = "hsm.module";
    public static final String RESTART_ALARM = "restart.hsm";
    /** The environment variable edgeway.sh hands the PIN to the listener's key store in. */
    static final String PIN_VARIABLE = "EDGEWAY_HSM_PIN";
    /** Set by edgeway.sh when the HTTPS listener was started on the token's key. */
    static final String LISTENER_SOURCE_PROPERTY = "edgeway.tls.source";
    private static final String NO_NSHIELD_CLIENT = "not connected: Edgeway has no nShield client, so the nShield"
            + " settings and modules are configuration only";

    @PersistenceContext
    private EntityManager em;
    @Inject
    private Caller caller;
    @Inject
    private SecretBox secrets;
    @Inject
    private ConfigurationLog configurationLog;
    @Inject
    private Alarms alarms;

    public HsmSettingsView settings() {
        HsmSettings s = row();
        return new HsmSettingsView(HsmMode.valueOf(s.getMode()), s.getRfsAddress(), s.getRfsPort(),
                s.getPkcs11Library(), s.getPkcs11Slot(), s.getPkcs11PinEncrypted() != null);
    }

    /** A form holding the stored settings (PIN blank: write-only). */
    public HsmSettingsForm form() {
        HsmSettingsView v = settings();
        HsmSettingsForm f = new HsmSettingsForm();
        f.setRfsAddress(v.rfsAddress());
        f.setRfsPort(v.rfsPort());
        f.setLibrary(v.library());
        f.setSlot(v.slot() == null ? null : String.valueOf(v.slot()));
        return f;
    }

    /** Save Configuration. */
    public void saveSettings(HsmSettingsForm f) {
        caller.requireWrite();
        HsmSettings s = row();
        HsmRules.check(f, s.getPkcs11PinEncrypted() != null);
        String library = HsmRules.blank(f.getLibrary()) ? null : f.getLibrary().strip();
        Long slot = HsmRules.blank(f.getSlot()) ? null : HsmRules.slot(f.getSlot());
        String pin = HsmRules.blank(f.getPin()) ? null : f.getPin();
        if (HsmMode.valueOf(s.getMode()) == HsmMode.PKCS11 && library == null) {
            throw new InvalidSettingsException(Map.of("library", "is required while HSM Mode is PKCS#11: set the mode"
                    + " to Off first"));
        }
        Changes changes = new Changes(PAGE)
                .compare("RFS IP address", s.getRfsAddress(), blankToNull(f.getRfsAddress()))
                .compare("RFS port", s.getRfsPort(), f.getRfsPort())
                .compare("PKCS#11 library", s.getPkcs11Library(), library)
                .compare("PKCS#11 slot", s.getPkcs11Slot(), slot);
        String oldPin = s.getPkcs11PinEncrypted() == null ? null : secrets.decrypt(s.getPkcs11PinEncrypted());
        if (library == null) {
            changes.compareSecret("PKCS#11 PIN", oldPin, null);
            s.setPkcs11PinEncrypted(null);
        } else if (pin != null) {
            changes.compareSecret("PKCS#11 PIN", oldPin, pin);
            s.setPkcs11PinEncrypted(secrets.encrypt(pin));
        }
        s.setRfsAddress(blankToNull(f.getRfsAddress()));
        s.setRfsPort(f.getRfsPort());
        s.setPkcs11Library(library);
        s.setPkcs11Slot(slot);
        configurationLog.record(changes);
        if (HsmMode.valueOf(s.getMode()) == HsmMode.PKCS11) {
            writeTokenFiles(s);
        }
    }

    /** Set Mode: Off, nShield (RFS and a module needed) or PKCS#11 (library, slot and PIN needed). */
    public void setMode(HsmMode mode) {
        caller.requireWrite();
        HsmSettings s = row();
        HsmMode old = HsmMode.valueOf(s.getMode());
        if (mode == HsmMode.NSHIELD && (s.getRfsAddress() == null || modules().isEmpty())) {
            throw new InvalidSettingsException(Map.of("mode", "nShield needs the RFS IP address (Save Configuration)"
                    + " and at least one module (Add Module) first"));
        }
        if (mode == HsmMode.PKCS11 && (s.getPkcs11Library() == null || s.getPkcs11PinEncrypted() == null)) {
            throw new InvalidSettingsException(Map.of("mode", "PKCS#11 needs the library, slot and PIN"
                    + " (Save Configuration) first"));
        }
        if (old == mode) {
            return;
        }
        configurationLog.record(new Changes(PAGE).compare("HSM Mode", old.label(), mode.label()));
        s.setMode(mode.name());
        if (mode == HsmMode.PKCS11) {
            writeTokenFiles(s);
        } else {
            TokenFiles.ofNode().delete();
        }
        if (listenerUsesToken() != (mode == HsmMode.PKCS11 && tokenHasServerCertificate())) {
            alarms.raise(RESTART_ALARM, "Warning", "Restart required: HSM Mode changed",
                    "Restart the node for the HTTPS listener to " + (mode == HsmMode.PKCS11
                            ? "use the token's key and certificate" : "use the node's key store file again"));
        }
        if (mode == HsmMode.OFF) {
            lowerStatusAlarms();
        }
    }

    public List<HsmModuleView> modules() {
        return em.createNamedQuery(HsmModule.ALL, HsmModule.class).getResultList().stream()
                .map(m -> new HsmModuleView(m.getId(), m.getAddress(), m.getPort(), m.getEsn(), m.getKneti()))
                .toList();
    }

    /** Add Module; returns the new module's id. Modules are distinguished by their ESN. */
    public long addModule(HsmModuleForm f) {
        caller.requireWrite();
        HsmRules.check(f);
        String esn = f.getEsn().strip();
        if (em.createNamedQuery(HsmModule.COUNT_BY_ESN, Long.class).setParameter("esn", esn).getSingleResult() > 0) {
            throw new InvalidSettingsException(Map.of("esn", "a module with ESN " + esn + " is already configured"));
        }
        HsmModule m = new HsmModule(f.getAddress().strip(), f.getPort(), esn, f.getKneti().strip());
        em.persist(m);
        em.flush();
        configurationLog.record(new Changes(PAGE).compare("Module " + esn, null,
                m.getAddress() + ":" + m.getPort() + " KNETI " + m.getKneti()));
        return m.getId();
    }

    /** Delete (after the confirmation): refused when it would leave nShield mode without a device. */
    public void deleteModules(List<Long> ids) {
        caller.requireWrite();
        List<HsmModule> chosen = new ArrayList<>();
        for (Long id : ids) {
            HsmModule m = em.find(HsmModule.class, id);
            if (m != null) {
                chosen.add(m);
            }
        }
        if (HsmMode.valueOf(row().getMode()) == HsmMode.NSHIELD && chosen.size() >= modules().size()
                && !chosen.isEmpty()) {
            throw new InvalidSettingsException(Map.of("modules", HsmRules.LAST_DEVICE
                    + ": set HSM Mode to Off first"));
        }
        Changes changes = new Changes(PAGE);
        for (HsmModule m : chosen) {
            em.remove(m);
            changes.compare("Module " + m.getEsn(), m.getAddress() + ":" + m.getPort(), "deleted");
        }
        configurationLog.record(changes);
    }

    /** The HSM Status check, with its alarms raised or lowered to match; empty while HSM Mode is Off. */
    public Optional<HsmStatus> status() {
        HsmMode mode = HsmMode.valueOf(row().getMode());
        if (mode == HsmMode.OFF) {
            lowerStatusAlarms();
            return Optional.empty();
        }
        HsmStatus status = mode == HsmMode.NSHIELD ? nShieldStatus() : tokenStatus();
        alarm(SERVER_ALARM, status.serverRunning(), "HSM failure: the HSM server is not running",
                status.serverDetail());
        alarm(CERTIFICATE_ALARM, status.certificateInUse(), "HSM certificate is not used", status.certificateDetail());
        List<String> failed = status.modules().stream().filter(m -> !"OK".equals(m.connectionStatus()))
                .map(HsmStatus.ModuleStatus::esn).toList();
        alarm(MODULE_ALARM, failed.isEmpty(), "HSM module connection failed: " + String.join(", ", failed),
                NO_NSHIELD_CLIENT);
        return Optional.of(status);
    }

    /** The token of HSM Mode PKCS#11, logged in (in this process); empty in the other modes. */
    public Optional<Pkcs11Token> token() {
        HsmSettings s = row();
        if (HsmMode.valueOf(s.getMode()) != HsmMode.PKCS11) {
            return Optional.empty();
        }
        return Optional.of(Pkcs11Token.open(Pkcs11Token.configuration(s.getPkcs11Library(), s.getPkcs11Slot()),
                secrets.decrypt(s.getPkcs11PinEncrypted())));
    }

    /** Whether edgeway.sh started the HTTPS listener on the token's key. */
    public static boolean listenerUsesToken() {
        return "pkcs11".equals(System.getProperty(LISTENER_SOURCE_PROPERTY));
    }

    /** At start: the restart applied the mode (edgeway.sh), and the status alarms follow the token as it is now. */
    public void reconcileAtStart() {
        alarms.lower(RESTART_ALARM);
        status();
    }

    private HsmStatus nShieldStatus() {
        List<HsmStatus.ModuleStatus> modules = modules().stream()
                .map(m -> new HsmStatus.ModuleStatus(m.esn(), "Failed", "Failed", NO_NSHIELD_CLIENT)).toList();
        return new HsmStatus(HsmMode.NSHIELD, false, NO_NSHIELD_CLIENT, false,
                "the server certificate's key is not in an nShield module (" + NO_NSHIELD_CLIENT + ")", modules);
    }

    private HsmStatus tokenStatus() {
        Optional<String> failure = ProbeProcess.check();
        String certificateDetail;
        boolean inUse = false;
        if (failure.isPresent()) {
            certificateDetail = "the token is not available: " + failure.get();
        } else {
            certificateDetail = listenerCertificate();
            inUse = certificateDetail == null;
        }
        return new HsmStatus(HsmMode.PKCS11, failure.isEmpty(),
                failure.map(f -> "the PKCS#11 token fails: " + f).orElse("the PKCS#11 library loads and the PIN logs"
                        + " in to the token"),
                inUse, inUse ? "the HTTPS listener presents the token's certificate, signed with the key in the token"
                        : certificateDetail, List.of());
    }

    /** Null when the listener presents the token's server certificate; else why not. */
    private String listenerCertificate() {
        if (!listenerUsesToken()) {
            return tokenHasServerCertificate()
                    ? "the token's certificate takes effect after a restart: the HTTPS listener uses the node's key"
                            + " store file"
                    : "the token holds no server certificate: generate a CSR (its key is generated in the token),"
                            + " have it signed, upload it and restart";
        }
        Optional<Pkcs11Token.Entry> server;
        try {
            server = token().flatMap(t -> t.entry(Pkcs11Token.SERVER));
        } catch (Pkcs11Token.TokenException e) {
            return "the token cannot be read: " + e.getMessage();
        }
        if (server.isEmpty()) {
            return "the token holds no server certificate any more";
        }
        try {
            X509Certificate served = ListenerCertificate.served();
            return served.equals(server.get().chain().get(0)) ? null
                    : "the HTTPS listener presents " + served.getSubjectX500Principal().getName()
                            + ", not the token's certificate";
        } catch (IOException e) {
            return "the HTTPS listener does not complete a handshake: " + Pkcs11Token.reason(e);
        }
    }

    private boolean tokenHasServerCertificate() {
        try {
            return token().flatMap(t -> t.entry(Pkcs11Token.SERVER).or(() -> t.entry(Pkcs11Token.PENDING)))
                    .isPresent();
        } catch (Pkcs11Token.TokenException e) {
            return false;
        }
    }

    private void alarm(String code, boolean ok, String title, String action) {
        if (ok) {
            alarms.lower(code);
        } else {
            alarms.raise(code, "Error", title, action);
        }
    }

    private void lowerStatusAlarms() {
        alarms.lower(SERVER_ALARM);
        alarms.lower(CERTIFICATE_ALARM);
        alarms.lower(MODULE_ALARM);
    }

    private void writeTokenFiles(HsmSettings s) {
        TokenFiles.ofNode().write(Pkcs11Token.configuration(s.getPkcs11Library(), s.getPkcs11Slot()),
                s.getPkcs11PinEncrypted());
    }

    private HsmSettings row() {
        return em.find(HsmSettings.class, HsmSettings.SINGLETON_ID);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
