package org.edgeway.services.bootstrap;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.edgeway.engine.NodeRole;
import org.edgeway.engine.SystemSize;
import org.edgeway.persistence.SchemaMigration;
import org.edgeway.services.backup.BackupRestore;
import org.edgeway.services.certificates.ServerCertificates;
import org.edgeway.services.hsm.HsmConfiguration;
import org.edgeway.services.media.MediaSettingsService;
import org.edgeway.services.security.SecretBox;

/**
 * First thing at every start: migrate the schema, then (first start only) create the settings and the
 * {@code admin} account, writing its one-time password to the server log once.
 */
@Singleton
@Startup
public class Bootstrap {

    /** First-start node role: {@code C} / {@code E} (or the enum names). */
    public static final String ROLE_PROPERTY = "edgeway.node.role";
    /** First-start system size: {@code small}, {@code medium} or {@code large}. */
    public static final String SIZE_PROPERTY = "edgeway.system.size";

    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

    @Resource(lookup = "java:jboss/datasources/EdgewayDS")
    private DataSource dataSource;
    @Inject
    private FirstStart firstStart;
    @Inject
    private SecretBox secrets;
    @Inject
    private ServerCertificates serverCertificates;
    @Inject
    private HsmConfiguration hsm;
    @Inject
    private BackupRestore backupRestore;
    @Inject
    private MediaSettingsService mediaSettings;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // Flyway manages its own transactions
    void start() {
        String version = SchemaMigration.migrate(dataSource, secrets::encrypt);
        LOG.info(() -> "Database schema at version " + version);
        firstStart.initialize(role(System.getProperty(ROLE_PROPERTY, "C")),
                SystemSize.valueOf(System.getProperty(SIZE_PROPERTY, "small").trim().toUpperCase()));
        serverCertificates.reconcileRestartAlarm();
        hsm.reconcileAtStart();
        backupRestore.reconcileRestartAlarm();
        mediaSettings.reconcileAtStart();
    }

    static NodeRole role(String value) {
        String v = value.trim().toUpperCase();
        return switch (v) {
            case "E", "EXPRESSWAY-E", "EXPRESSWAY_E" -> NodeRole.EXPRESSWAY_E;
            case "C", "EXPRESSWAY-C", "EXPRESSWAY_C" -> NodeRole.EXPRESSWAY_C;
            default -> throw new IllegalArgumentException(ROLE_PROPERTY + " must be C or E, not " + value);
        };
    }
}
