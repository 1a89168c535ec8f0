package org.edgeway.persistence;

import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.edgeway.persistence.system.NtpPassPhraseEncryption;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema to the current version with the versioned scripts in {@code db/migration} and the Java
 * migrations that need the node's secret encryption.
 */
public final class SchemaMigration {

    private SchemaMigration() {
    }

    /**
     * Applies pending migrations and returns the schema version reached.
     *
     * @param encryptSecret encrypts a secret for storage (the node's SecretBox), for migrations that move
     *                      plain values to encrypted columns
     */
    public static String migrate(DataSource dataSource, UnaryOperator<String> encryptSecret) {
        Flyway flyway = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .validateMigrationNaming(true)
                .javaMigrations(new NtpPassPhraseEncryption(encryptSecret))
                .load();
        MigrateResult result = flyway.migrate();
        return result.targetSchemaVersion != null ? result.targetSchemaVersion
                : flyway.info().current() == null ? "none" : flyway.info().current().getVersion().getVersion();
    }
}
