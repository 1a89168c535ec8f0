package org.edgeway.services.security;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.edgeway.persistence.accounts.AdminAccount;
import org.edgeway.services.configlog.Changes;
import org.edgeway.services.configlog.ConfigurationLog;
import org.edgeway.services.protection.ProtectionDetector;
import org.edgeway.services.system.SystemSettingsService;
import org.edgeway.services.validation.InvalidSettingsException;

/** Administrator accounts: login, password changes, and Users > Administrator accounts. */
@Stateless
public class AdminAccounts {

    public static final String PAGE = "Users > Administrator accounts";
    public static final String INITIAL_ADMIN = "admin";
    /** Environment variable that may carry the first start's one-time admin password. */
    public static final String INITIAL_PASSWORD_ENV = "EDGEWAY_ADMIN_PASSWORD";

    private static final Logger LOG = Logger.getLogger(AdminAccounts.class.getName());
    /** Verified against when the account does not exist, so timing does not reveal account names. */
    private static final String DUMMY_HASH = PasswordHasher.hash("not-a-password".toCharArray());

    @PersistenceContext
    private EntityManager em;
    @Inject
    private Caller caller;
    @Inject
    private ConfigurationLog configurationLog;
    @Inject
    private LoginGuard loginGuard;
    @Inject
    private SystemSettingsService system;
    @Inject
    private ProtectionDetector protection;
    @Inject
    private VerifiedCredentials verified;

    /**
     * First start: creates {@code admin} with a one-time password (from {@value #INITIAL_PASSWORD_ENV}, else
     * random) that must be changed at first login. Returns the generated password, or empty if accounts exist
     * or the password came from the environment.
     */
    public Optional<String> createInitialAdmin() {
        Long count = em.createQuery("select count(a) from AdminAccount a", Long.class).getSingleResult();
        if (count > 0) {
            return Optional.empty();
        }
        String fromEnv = System.getenv(INITIAL_PASSWORD_ENV);
        String password = fromEnv == null || fromEnv.isBlank() ? PasswordHasher.randomPassword() : fromEnv;
        AdminAccount admin = new AdminAccount(INITIAL_ADMIN, PasswordHasher.hash(password.toCharArray()),
                AccessLevel.READ_WRITE.name());
        admin.setMustChangePassword(true);
        em.persist(admin);
        return fromEnv == null || fromEnv.isBlank() ? Optional.of(password) : Optional.empty();
    }

    /**
     * Console login: the identity for a correct name and password of an enabled account, logged and stamped as
     * the account's last login.
     *
     * @throws LoginBlockedException if automated protection blocks the address or the account
     */
    public Optional<AdminIdentity> authenticate(String name, char[] password, String fromAddress) {
        Optional<AdminAccount> account = check(name, password, fromAddress, ProtectionDetector.ADMIN_CONSOLE_LOGIN);
        account.ifPresent(a -> {
            a.setLastLoginAt(Instant.now());
            LOG.info(() -> "Administrator '" + LogText.escape(name) + "' logged in from " + fromAddress);
        });
        return account.map(AdminAccounts::identity);
    }

    /**
     * One REST API call's credentials: as {@link #authenticate} but neither logged nor recorded as a login,
     * since every call carries them. Credentials that passed the full check lately are recognised without it
     * ({@link VerifiedCredentials}); the account is read again either way (enabled, same password).
     */
    public Optional<AdminIdentity> authenticateRequest(String name, char[] password, String fromAddress) {
        return check(name, password, fromAddress, ProtectionDetector.API_LOGIN).map(AdminAccounts::identity);
    }

    /**
     * The session's administrator as the account is now: empty if it was deleted or disabled or its password
     * changed since the session began, else with its current name and access level. One primary-key read.
     */
    public Optional<AdminIdentity> current(AdminIdentity session) {
        AdminAccount a = em.find(AdminAccount.class, session.id());
        if (a == null || !a.isEnabled() || !stamp(a.getPasswordHash()).equals(session.credentialStamp())) {
            return Optional.empty();
        }
        return Optional.of(identity(a));
    }

    /** {@code category}: the automated protection category a failure counts in. */
    private Optional<AdminAccount> check(String name, char[] password, String fromAddress, String category) {
        Instant now = Instant.now();
        boolean protect = system.administration().isAutomatedProtection();
        if (protect) {
            Optional<Duration> wait = loginGuard.admit(fromAddress, name, now);
            if (wait.isPresent()) {
                LOG.warning(() -> "Refused administrator login for '" + LogText.escape(name) + "' from "
                        + fromAddress + ": blocked by automated protection");
                throw new LoginBlockedException(wait.get());
            }
        }
        AdminAccount account = byName(name).orElse(null);
        boolean ok = passwordMatches(account, name, password, category.equals(ProtectionDetector.API_LOGIN), now);
        if (account == null || !ok || !account.isEnabled()) {
            LOG.warning(() -> "Failed administrator login for '" + LogText.escape(name) + "' from " + fromAddress);
            if (protect) {
                loginGuard.failed(fromAddress, name, now);
                protection.failed(category, fromAddress, now);
            }
            return Optional.empty();
        }
        if (protect) {
            loginGuard.succeeded(fromAddress, name);
        }
        return Optional.of(account);
    }

    /**
     * The full PBKDF2 check (against a dummy hash for an unknown name, so timing does not reveal names); for an
     * API call, first the credentials verified lately.
     */
    private boolean passwordMatches(AdminAccount account, String name, char[] password, boolean api, Instant now) {
        if (account == null) {
            PasswordHasher.verify(password, DUMMY_HASH);
            return false;
        }
        if (api && verified.matches(name, password, account.getPasswordHash(), now)) {
            return true;
        }
        boolean ok = PasswordHasher.verify(password, account.getPasswordHash());
        if (ok && api) {
            verified.verified(name, password, account.getPasswordHash(), now);
        }
        return ok;
    }

    /** Changes the caller's own password after checking the current one; clears "must change". */
    public AdminIdentity changeOwnPassword(String currentPassword, String newPassword, String confirmPassword) {
        if (!caller.isIdentified()) {
            throw new AccessDeniedException("Not logged in");
        }
        AdminAccount account = byName(caller.name()).orElseThrow(() -> new AccessDeniedException("No such account"));
        InvalidSettingsException.Collector errors = new InvalidSettingsException.Collector();
        if (currentPassword == null || !PasswordHasher.verify(currentPassword.toCharArray(), account.getPasswordHash())) {
            errors.reject("currentPassword", "is not your current password");
        }
        checkNewPassword(errors, "newPassword", newPassword, confirmPassword, account.getName());
        if (newPassword != null && currentPassword != null && newPassword.equals(currentPassword)) {
            errors.reject("newPassword", "must differ from the current password");
        }
        errors.throwIfAny();
        account.setPasswordHash(PasswordHasher.hash(newPassword.toCharArray()));
        account.setMustChangePassword(false);
        configurationLog.record(new Changes(PAGE).compareSecret("Password of " + account.getName(), "old", "new"));
        return identity(account);
    }

    public List<AdminAccountView> list() {
        return em.createNamedQuery(AdminAccount.ALL, AdminAccount.class).getResultList().stream()
                .map(AdminAccounts::view).toList();
    }

    public Optional<AdminAccountForm> form(long id) {
        AdminAccount a = em.find(AdminAccount.class, id);
        if (a == null) {
            return Optional.empty();
        }
        AdminAccountForm f = new AdminAccountForm();
        f.setId(a.getId());
        f.setName(a.getName());
        f.setAccessLevel(AccessLevel.valueOf(a.getAccessLevel()));
        f.setEnabled(a.isEnabled());
        return Optional.of(f);
    }

    /** Creates (id null) or updates an account; returns its id. */
    public long save(@NotNull @Valid AdminAccountForm form) {
        caller.requireWrite();
        InvalidSettingsException.Collector errors = new InvalidSettingsException.Collector();
        AdminAccount account = form.getId() == null ? null : em.find(AdminAccount.class, form.getId());
        if (form.getId() != null && account == null) {
            errors.reject("name", "this account no longer exists");
            errors.throwIfAny();
        }
        Optional<AdminAccount> sameName = byName(form.getName());
        if (sameName.isPresent() && (account == null || !sameName.get().getId().equals(account.getId()))) {
            errors.reject("name", "an account with this name already exists");
        }
        if (account == null || form.getPassword() != null || form.getConfirmPassword() != null) {
            checkNewPassword(errors, "password", form.getPassword(), form.getConfirmPassword(), form.getName());
        }
        if (account != null && AccessLevel.READ_WRITE.name().equals(account.getAccessLevel()) && account.isEnabled()
                && (form.getAccessLevel() != AccessLevel.READ_WRITE || !form.isEnabled()) && writers() <= 1) {
            errors.reject("accessLevel", "the last enabled read-write account must keep read-write access");
        }
        errors.throwIfAny();

        Changes changes = new Changes(PAGE);
        if (account == null) {
            account = new AdminAccount(form.getName(), PasswordHasher.hash(form.getPassword().toCharArray()),
                    form.getAccessLevel().name());
            account.setEnabled(form.isEnabled());
            em.persist(account);
            changes.compare("Account " + form.getName(), null, "created, " + form.getAccessLevel().label()
                    + (form.isEnabled() ? "" : ", disabled"));
        } else {
            String label = "Account " + account.getName();
            changes.compare(label + " name", account.getName(), form.getName())
                    .compare(label + " access level", AccessLevel.valueOf(account.getAccessLevel()).label(),
                            form.getAccessLevel().label())
                    .compare(label + " enabled", account.isEnabled(), form.isEnabled());
            if (form.getPassword() != null) {
                changes.compareSecret(label + " password", "old", "new");
                account.setPasswordHash(PasswordHasher.hash(form.getPassword().toCharArray()));
            }
            account.setAccessLevel(form.getAccessLevel().name());
            account.setEnabled(form.isEnabled());
        }
        configurationLog.record(changes);
        em.flush();
        return account.getId();
    }

    /** Deletes accounts; refuses to delete the caller's own account or the last read-write account. */
    public void delete(List<Long> ids) {
        caller.requireWrite();
        for (Long id : ids) {
            AdminAccount a = em.find(AdminAccount.class, id);
            if (a == null) {
                continue;
            }
            if (a.getName().equals(caller.name())) {
                throw new InvalidSettingsException(java.util.Map.of("accounts", "You cannot delete your own account"));
            }
            if (AccessLevel.READ_WRITE.name().equals(a.getAccessLevel()) && a.isEnabled() && writers() <= 1) {
                throw new InvalidSettingsException(
                        java.util.Map.of("accounts", "The last enabled read-write account cannot be deleted"));
            }
            em.remove(a);
            em.flush();
            configurationLog.record(new Changes(PAGE).compare("Account " + a.getName(), "present", "deleted"));
        }
    }

    private long writers() {
        return em.createNamedQuery(AdminAccount.COUNT_WRITERS, Long.class).getSingleResult();
    }

    private void checkNewPassword(InvalidSettingsException.Collector errors, String field, String password,
            String confirm, String accountName) {
        String problem = PasswordPolicy.problem(password, accountName);
        if (problem != null) {
            errors.reject(field, problem);
        } else if (!password.equals(confirm)) {
            errors.reject("confirmPassword", "does not match the password");
        }
    }

    private Optional<AdminAccount> byName(String name) {
        return em.createNamedQuery(AdminAccount.BY_NAME, AdminAccount.class).setParameter("name", name)
                .getResultStream().findFirst();
    }

    private static AdminIdentity identity(AdminAccount a) {
        return new AdminIdentity(a.getId(), a.getName(), AccessLevel.valueOf(a.getAccessLevel()),
                a.isMustChangePassword(), stamp(a.getPasswordHash()));
    }

    /** A digest of the password hash: changes with every new password, reveals nothing of it. */
    private static String stamp(String passwordHash) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest(passwordHash.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AdminAccountView view(AdminAccount a) {
        return new AdminAccountView(a.getId(), a.getName(), AccessLevel.valueOf(a.getAccessLevel()), a.isEnabled(),
                a.isMustChangePassword(), a.getCreatedAt(), a.getLastLoginAt());
    }
}
