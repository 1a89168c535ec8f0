package org.edgeway.persistence;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Brings the schema to the current version with the versioned scripts in {@code db/migration}. */
public final class SchemaMigration {

    private SchemaMigration() {
    }

    /** Applies pending migrations and returns the schema version reached. */
    public static String migrate(DataSource dataSource) {
        Flyway flyway = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .validateMigrationNaming(true)
                .load();
        MigrateResult result = flyway.migrate();
        return result.targetSchemaVersion != null ? result.targetSchemaVersion
                : flyway.info().current() == null ? "none" : flyway.info().current().getVersion().getVersion();
    }
}
