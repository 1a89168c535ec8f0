package org.edgeway.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.edgeway.persistence.system.NtpPassPhraseEncryption;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
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
        Flyway flyway = flyway(dataSource, encryptSecret);
        MigrateResult result = flyway.migrate();
        return result.targetSchemaVersion != null ? result.targetSchemaVersion : current(flyway);
    }

    /**
     * The version the schema is at: the highest migration applied (what a configuration backup records). Read from
     * Flyway's history table on the caller's connection, so it works inside a container transaction.
     */
    public static String currentVersion(Connection connection) throws SQLException {
        MigrationVersion highest = null;
        try (Statement s = connection.createStatement();
                // Flyway creates its table with quoted lower-case names
                ResultSet rs = s.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\""
                        + " WHERE \"success\" = TRUE AND \"version\" IS NOT NULL")) {
            while (rs.next()) {
                MigrationVersion v = MigrationVersion.fromVersion(rs.getString(1));
                if (highest == null || v.compareTo(highest) > 0) {
                    highest = v;
                }
            }
        }
        return highest == null ? "none" : highest.getVersion();
    }

    /** Orders two schema versions as Flyway does ("9" before "11"); negative when {@code a} is older. */
    public static int compare(String a, String b) {
        return MigrationVersion.fromVersion(a).compareTo(MigrationVersion.fromVersion(b));
    }

    private static String current(Flyway flyway) {
        return flyway.info().current() == null ? "none" : flyway.info().current().getVersion().getVersion();
    }

    private static Flyway flyway(DataSource dataSource, UnaryOperator<String> encryptSecret) {
        return Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .validateMigrationNaming(true)
                .javaMigrations(new NtpPassPhraseEncryption(encryptSecret))
                .load();
    }
}
