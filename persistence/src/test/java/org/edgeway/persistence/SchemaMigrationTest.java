package org.edgeway.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.edgeway.persistence.system.NtpPassPhraseEncryption;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationTest {

    /** Stands in for the node's SecretBox: reversible and visibly not the plain value. */
    private static final UnaryOperator<String> ENCRYPT = s -> "enc:" + new StringBuilder(s).reverse();
    /** The highest version among the migration scripts shipped: every one of them must be applied. */
    private static final String LATEST = latestScriptVersion();

    @Test
    void migratesAFileDatabaseOnceAndKeepsData(@TempDir Path dir) throws Exception {
        JdbcDataSource ds = dataSource(dir);

        assertEquals(LATEST, SchemaMigration.migrate(ds, ENCRYPT));
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into config_log(changed_at, changed_by, source, setting, old_value, new_value) "
                    + "values (current_timestamp, 'admin', 'web', 'System > DNS: DNS server address 1', null, '192.0.2.53')");
        }
        // second start: nothing to apply, data kept
        assertEquals(LATEST, SchemaMigration.migrate(ds, ENCRYPT));
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            Set<String> tables = new HashSet<>();
            try (ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", null, new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME").toLowerCase());
                }
            }
            assertTrue(tables.containsAll(Set.of("system_settings", "ntp_server", "admin_account", "alarm",
                    "config_log", "turn_settings", "local_credential", "sip_settings", "sip_domain", "search_rule",
                    "zone", "trusted_ca_certificate", "call_record", "call_component", "media_channel", "media_settings", "flyway_schema_history")), tables.toString());
            try (ResultSet rs = s.executeQuery("select count(*) from config_log")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
        }
    }

    @Test
    void callsStoredBeforeIcePassthroughReadAsCallsWithoutIce(@TempDir Path dir) throws Exception {
        JdbcDataSource ds = dataSource(dir);
        Flyway.configure(SchemaMigration.class.getClassLoader()).dataSource(ds).locations("classpath:db/migration")
                .javaMigrations(new NtpPassPhraseEncryption(ENCRYPT)).target("12").load().migrate();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into call_record(serial_number, start_time, duration_ms, source_alias,"
                    + " destination_alias, protocol, status, disconnect_reason, bandwidth_kbps, ice_call_type, b2bua)"
                    + " values ('s1', current_timestamp, 1000, 'a', 'b', 'SIP', 'COMPLETED', '', 0, 'NONE', true)");
        }

        assertEquals(LATEST, SchemaMigration.migrate(ds, ENCRYPT));

        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select ice_candidates, ice_configured from call_record")) {
            assertTrue(rs.next());
            assertEquals("NONE", rs.getString(1));
            assertFalse(rs.getBoolean(2));
        }
    }

    @Test
    void upgradeEncryptsStoredNtpPassPhrasesAndDropsThePlainColumn(@TempDir Path dir) throws Exception {
        JdbcDataSource ds = dataSource(dir);
        // a node at version 3 with a plain pass phrase in slot 2
        Flyway.configure(SchemaMigration.class.getClassLoader()).dataSource(ds).locations("classpath:db/migration")
                .target("3").load().migrate();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into ntp_server(slot, authentication_method) values (1, 'DISABLED')");
            s.executeUpdate("insert into ntp_server(slot, address, authentication_method, key_id, hash_method, pass_phrase)"
                    + " values (2, 'ntp.example.com', 'SYMMETRIC_KEY', 7, 'SHA1', 'plain-phrase')");
        }

        assertEquals(LATEST, SchemaMigration.migrate(ds, ENCRYPT));

        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select slot, pass_phrase_encrypted from ntp_server order by slot")) {
                assertTrue(rs.next());
                assertNull(rs.getString(2));
                assertTrue(rs.next());
                assertEquals("enc:esarhp-nialp", rs.getString(2));
            }
            try (ResultSet rs = c.getMetaData().getColumns(null, "PUBLIC", "NTP_SERVER", "PASS_PHRASE")) {
                assertFalse(rs.next(), "the plain pass_phrase column is gone");
            }
        }
    }

    @Test
    void upgradeKeepsSavedSipSettingsWithTheDefaultDigestAlgorithms(@TempDir Path dir) throws Exception {
        JdbcDataSource ds = dataSource(dir);
        Flyway.configure(SchemaMigration.class.getClassLoader()).dataSource(ds).locations("classpath:db/migration")
                .javaMigrations(new NtpPassPhraseEncryption(ENCRYPT)).target("6").load().migrate();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into sip_settings values (1, true, false, 5060, true, 5060, true, 5061, 5, 45, 60, 0)");
        }

        assertEquals(LATEST, SchemaMigration.migrate(ds, ENCRYPT));

        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select enabled, digest_algorithms from sip_settings")) {
            assertTrue(rs.next());
            assertTrue(rs.getBoolean(1));
            assertEquals("SHA_256_AND_MD5", rs.getString(2));
        }
    }

    private static JdbcDataSource dataSource(Path dir) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("edgeway") + ";DB_CLOSE_ON_EXIT=FALSE");
        ds.setUser("sa");
        ds.setPassword("sa");
        return ds;
    }

    private static String latestScriptVersion() {
        try (var scripts = java.nio.file.Files.list(Path.of("src/main/resources/db/migration"))) {
            return String.valueOf(scripts.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
