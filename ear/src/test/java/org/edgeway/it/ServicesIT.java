package org.edgeway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.epoll.Epoll;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.internal.PlatformDependent;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import java.io.File;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import javax.sql.DataSource;
import org.edgeway.engine.EngineState;
import org.edgeway.engine.NodeRole;
import org.edgeway.engine.net.Transports;
import org.edgeway.services.alarms.AlarmView;
import org.edgeway.services.alarms.Alarms;
import org.edgeway.services.configlog.ConfigLogLine;
import org.edgeway.services.configlog.ConfigurationLog;
import org.edgeway.services.engine.EngineLifecycle;
import org.edgeway.services.security.AccessDeniedException;
import org.edgeway.services.security.AccessLevel;
import org.edgeway.services.security.AdminAccountForm;
import org.edgeway.services.security.AdminAccounts;
import org.edgeway.services.security.Caller;
import org.edgeway.services.system.AdministrationSettings;
import org.edgeway.services.system.DnsSettings;
import org.edgeway.services.system.SystemSettingsService;
import org.edgeway.services.validation.InvalidSettingsException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The services inside the provisioned WildFly with the real EAR: migrations, access checks, validation, the
 * configuration log, the after-commit hand-over to the engine, alarms and accounts.
 */
@ExtendWith(ArquillianExtension.class)
class ServicesIT {

    @Deployment
    static EnterpriseArchive deployment() {
        // the product EAR without the console WAR (its login filter would stand in front of Arquillian's
        // servlet): Arquillian then adds its own protocol WAR
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File("target/edgeway.ear"));
        ear.delete("/web-admin.war");
        ear.setApplicationXML(new StringAsset("""
                <application xmlns="https://jakarta.ee/xml/ns/jakartaee" version="10">
                  <display-name>edgeway-services-it</display-name>
                  <module><ejb>ejb-services.jar</ejb></module>
                  <library-directory>lib</library-directory>
                </application>"""));
        ear.addAsLibrary(ShrinkWrap.create(JavaArchive.class, "services-it.jar").addClass(ServicesIT.class));
        return ear;
    }

    @Inject
    Caller caller;
    @Inject
    SystemSettingsService settings;
    @Inject
    ConfigurationLog log;
    @Inject
    Alarms alarms;
    @Inject
    AdminAccounts accounts;
    @Inject
    EngineLifecycle engine;
    @Inject
    org.edgeway.services.security.LoginGuard guard;
    @Resource(lookup = "java:jboss/datasources/EdgewayDS")
    DataSource dataSource;
    @Inject
    RequestContextController requestContext;

    /** One request per test, as a page or API call has: the Caller set here is the one the services see. */
    @BeforeEach
    void beginRequest() {
        requestContext.activate();
    }

    @AfterEach
    void endRequest() {
        requestContext.deactivate();
    }

    @Test
    void schemaComesFromFlywayMigrations() throws Exception {
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement().executeQuery(
                        "select \"version\", \"success\" from \"flyway_schema_history\" where \"version\" is not null")) {
            assertTrue(rs.next(), "a migration was applied");
            assertEquals("1", rs.getString(1));
            assertTrue(rs.getBoolean(2));
        }
    }

    @Test
    void firstStartCreatedSettingsFromStartupProperties() {
        assertEquals(NodeRole.EXPRESSWAY_E, settings.administration().getNodeRole());
        assertEquals(EngineState.RUNNING, engine.snapshot().state());
    }

    @Test
    void anonymousAndReadOnlyCallersCannotChangeAnything() {
        DnsSettings form = settings.dns();
        form.setHostName("anonymous-change");
        assertThrows(AccessDeniedException.class, () -> settings.saveDns(form));
        caller.identify("auditor", AccessLevel.READ_ONLY, "web");
        AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> settings.saveDns(form));
        assertTrue(e.getMessage().contains("read-only"));
        assertFalse("anonymous-change".equals(settings.dns().getHostName()));
    }

    @Test
    void invalidSettingsAreRejectedAndNothingIsStored() {
        caller.identify("admin", AccessLevel.READ_WRITE, "web");
        DnsSettings form = settings.dns();
        form.setDnsServer3("not-an-address");
        form.setHostName("bad_name");
        Exception e = assertThrows(Exception.class, () -> settings.saveDns(form));
        ConstraintViolationException violations = find(e, ConstraintViolationException.class);
        assertNotNull(violations, "Bean Validation rejected it: " + e);
        List<String> fields = violations.getConstraintViolations().stream()
                .map(v -> v.getPropertyPath().toString()).toList();
        assertTrue(fields.stream().anyMatch(f -> f.endsWith("dnsServer3")), fields.toString());
        assertTrue(fields.stream().anyMatch(f -> f.endsWith("hostName")), fields.toString());
        assertFalse("not-an-address".equals(settings.dns().getDnsServer3()));
    }

    @Test
    void aSavedChangeIsLoggedAndHandedToTheEngineAfterCommit() {
        caller.identify("admin", AccessLevel.READ_WRITE, "api");
        DnsSettings form = settings.dns();
        String host = "node" + System.nanoTime() % 100000;
        form.setHostName(host);
        form.setDomainName("example.org");
        form.setDnsServer1("198.51.100.7");
        settings.saveDns(form);

        assertEquals(host + ".example.org", engine.appliedConfig().hostName());
        List<ConfigLogLine> newest = log.page(0, 10);
        ConfigLogLine hostLine = newest.stream().filter(l -> l.setting().equals("System > DNS: System host name"))
                .findFirst().orElseThrow();
        assertEquals(host, hostLine.newValue());
        assertEquals("admin", hostLine.changedBy());
        assertEquals("api", hostLine.source());
    }

    @Test
    void timeRulesBetweenFieldsAreChecked() {
        caller.identify("admin", AccessLevel.READ_WRITE, "web");
        var form = settings.time();
        form.ntp(2).setAddress("192.0.2.123");
        form.ntp(2).setAuthentication(org.edgeway.services.system.NtpAuthentication.SYMMETRIC_KEY);
        form.setTimeZone("Mars/Olympus_Mons");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> settings.saveTime(form));
        assertTrue(e.fieldErrors().containsKey("ntpServer2KeyId"), e.fieldErrors().toString());
        assertTrue(e.fieldErrors().containsKey("ntpServer2PassPhrase"), e.fieldErrors().toString());
        assertTrue(e.fieldErrors().containsKey("timeZone"), e.fieldErrors().toString());
    }

    @Test
    void alarmsRaisedTwiceStayOneRowUntilLowered() {
        caller.identify("admin", AccessLevel.READ_WRITE, "web");
        String code = "test.alarm." + System.nanoTime();
        alarms.raise(code, "WARNING", "Test condition", "Do nothing");
        alarms.raise(code, "WARNING", "Test condition", "Do nothing");
        List<AlarmView> mine = alarms.list().stream().filter(a -> a.code().equals(code)).toList();
        assertEquals(1, mine.size());
        assertEquals(2, mine.get(0).raiseCount());
        alarms.acknowledge(List.of(mine.get(0).id()));
        assertEquals("ACKNOWLEDGED", alarms.list().stream().filter(a -> a.code().equals(code)).findFirst()
                .orElseThrow().state());
        alarms.lower(code);
        alarms.raise(code, "WARNING", "Test condition", "Do nothing");
        assertEquals(2, alarms.list().stream().filter(a -> a.code().equals(code)).count(), "a new occurrence");
    }

    @Test
    void theLastReadWriteAccountKeepsItsAccess() {
        caller.identify("admin", AccessLevel.READ_WRITE, "web");
        AdministrationSettings admin = settings.administration();
        assertNotNull(admin);
        long adminId = accounts.list().stream().filter(a -> a.name().equals("admin")).findFirst().orElseThrow().id();
        AdminAccountForm form = accounts.form(adminId).orElseThrow();
        form.setAccessLevel(AccessLevel.READ_ONLY);
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> accounts.save(form));
        assertTrue(e.fieldErrors().containsKey("accessLevel"));

        AdminAccountForm weak = new AdminAccountForm();
        weak.setName("weak" + System.nanoTime() % 10000);
        weak.setPassword("password");
        weak.setConfirmPassword("password");
        InvalidSettingsException weakError = assertThrows(InvalidSettingsException.class, () -> accounts.save(weak));
        assertTrue(weakError.fieldErrors().containsKey("password"));
    }

    @Test
    void repeatedFailedLoginsBlockTheSourceAddress() {
        String attacker = "192.0.2." + (System.nanoTime() % 200 + 1);
        for (int i = 0; i < 5; i++) {
            assertTrue(accounts.authenticate("admin", "wrong".toCharArray(), attacker).isEmpty());
        }
        // even a correct password is refused from the blocked address (we do not know admin's, so check the guard)
        assertTrue(guard.isBlocked(attacker, java.time.Instant.now()));
        assertFalse(guard.isBlocked("198.51.100.200", java.time.Instant.now()), "other addresses are not blocked");
        assertFalse(guard.isBlocked(attacker, java.time.Instant.now().plus(java.time.Duration.ofMinutes(11))),
                "the block ends after 10 minutes");
    }

    /**
     * The engine's Netty inside the node runs as on a plain class path (docs/performance.md): with sun.misc.Unsafe,
     * which the EAR's jboss-deployment-structure.xml makes visible, and with the per-packet leak detector off.
     */
    @Test
    void theEnginesNettyHasUnsafeEpollAndNoLeakDetectorInsideTheNode() {
        assertEquals(EngineState.RUNNING, engine.snapshot().state());
        // the native library loads from the EAR's lib/ inside the module class loader, and the engine chose it
        assertTrue(Epoll.isAvailable(), "no native epoll in the node: " + Epoll.unavailabilityCause());
        assertTrue(Transports.epoll(), Transports.describe());
        assertTrue(PlatformDependent.hasUnsafe(), "Netty without Unsafe: "
                + PlatformDependent.getUnsafeUnavailabilityCause());
        assertTrue(PlatformDependent.directBufferPreferred());
        assertEquals(ResourceLeakDetector.Level.DISABLED, ResourceLeakDetector.getLevel());
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable x = t; x != null; x = x.getCause()) {
            if (type.isInstance(x)) {
                return type.cast(x);
            }
        }
        return null;
    }
}
