package org.edgeway.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationTest {

    @Test
    void migratesAFileDatabaseOnceAndKeepsData(@TempDir Path dir) throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("edgeway") + ";DB_CLOSE_ON_EXIT=FALSE");
        ds.setUser("sa");
        ds.setPassword("sa");

        assertEquals("3", SchemaMigration.migrate(ds));
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into config_log(changed_at, changed_by, source, setting, old_value, new_value) "
                    + "values (current_timestamp, 'admin', 'web', 'System > DNS: DNS server address 1', null, '192.0.2.53')");
        }
        // second start: nothing to apply, data kept
        assertEquals("3", SchemaMigration.migrate(ds));
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            Set<String> tables = new HashSet<>();
            try (ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", null, new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME").toLowerCase());
                }
            }
            assertTrue(tables.containsAll(Set.of("system_settings", "ntp_server", "admin_account", "alarm",
                    "config_log", "turn_settings", "local_credential", "flyway_schema_history")), tables.toString());
            try (ResultSet rs = s.executeQuery("select count(*) from config_log")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
        }
    }
}
