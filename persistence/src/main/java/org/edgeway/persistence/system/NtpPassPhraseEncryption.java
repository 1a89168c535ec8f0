package org.edgeway.persistence.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Schema version 4: NTP pass phrases move from the plain {@code pass_phrase} column to
 * {@code pass_phrase_encrypted}, encrypting the values already stored. A Java migration because the node key that
 * encrypts them lives in the data directory, outside the database; the caller hands in the encryption.
 */
public final class NtpPassPhraseEncryption implements JavaMigration {

    private final UnaryOperator<String> encrypt;

    public NtpPassPhraseEncryption(UnaryOperator<String> encrypt) {
        this.encrypt = encrypt;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        Map<Integer, String> plain = new LinkedHashMap<>();
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE ntp_server ADD COLUMN pass_phrase_encrypted VARCHAR(512)");
            try (ResultSet rs = s.executeQuery("SELECT slot, pass_phrase FROM ntp_server WHERE pass_phrase IS NOT NULL")) {
                while (rs.next()) {
                    plain.put(rs.getInt(1), rs.getString(2));
                }
            }
        }
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE ntp_server SET pass_phrase_encrypted = ? WHERE slot = ?")) {
            for (Map.Entry<Integer, String> e : plain.entrySet()) {
                update.setString(1, encrypt.apply(e.getValue()));
                update.setInt(2, e.getKey());
                update.executeUpdate();
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE ntp_server DROP COLUMN pass_phrase");
        }
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("4");
    }

    @Override
    public String getDescription() {
        return "encrypt ntp pass phrase";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }
}
