package org.edgeway.services.backup;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.edgeway.persistence.SchemaMigration;
import org.edgeway.services.alarms.Alarms;
import org.edgeway.services.configlog.Changes;
import org.edgeway.services.configlog.ConfigurationLog;
import org.edgeway.services.security.Caller;
import org.edgeway.services.security.SecretBox;
import org.edgeway.services.system.SettingsChanged;
import org.edgeway.services.system.SystemSettingsService;
import org.edgeway.services.validation.InvalidSettingsException;

/**
 * Maintenance &gt; Backup and restore. A backup is the node's configuration (every configuration table, see
 * {@link ConfigurationTables}; not call history, logs or alarms) in one file encrypted with a pass phrase
 * ({@link BackupFile}). A restore checks the whole file first (its pass phrase, its integrity, its schema: a backup
 * from a newer schema is refused) and then replaces the configuration in one transaction, logs "restored", and hands
 * the engine the new configuration as a save does. Secrets travel decrypted inside the encrypted file and are
 * encrypted again under the restoring node's own key, so any node can restore any node's backup.
 */
@Stateless
public class BackupRestore {

    public static final String PAGE = "Maintenance > Backup and restore";
    public static final String RESTART_ALARM = "restart.restore";
    public static final int MIN_PASS_PHRASE = 8;
    public static final int MAX_BYTES = BackupFile.MAX_BYTES;

    private static final Logger LOG = Logger.getLogger(BackupRestore.class.getName());

    @Resource(lookup = "java:jboss/datasources/EdgewayDS")
    private DataSource dataSource;
    @Inject
    private Caller caller;
    @Inject
    private SecretBox secrets;
    @Inject
    private ConfigurationLog configurationLog;
    @Inject
    private Alarms alarms;
    @Inject
    private SystemSettingsService settings;
    @Inject
    private Event<SettingsChanged> settingsChanged;

    /** The backup file of the configuration as it is now. Needs write access: the file carries the secrets. */
    public byte[] create(String passPhrase) {
        caller.requireWrite();
        if (passPhrase == null || passPhrase.length() < MIN_PASS_PHRASE) {
            throw new InvalidSettingsException(Map.of(BackupRefused.PASS_PHRASE,
                    "must be at least " + MIN_PASS_PHRASE + " characters: it is the only protection of the file"));
        }
        try (Connection c = dataSource.getConnection()) {
            String schema = SchemaMigration.currentVersion(c);
            JsonObject content = Json.createObjectBuilder().add("format", BackupFile.FORMAT)
                    .add("schemaVersion", schema).add("tables", ConfigurationTables.export(c, secrets::decrypt))
                    .build();
            byte[] file = BackupFile.write(new BackupFile.Header(BackupFile.FORMAT, schema, Instant.now(),
                    settings.nodeTitle()), content.toString().getBytes(StandardCharsets.UTF_8),
                    passPhrase.toCharArray());
            LOG.info(() -> "configuration backup created by " + caller.name() + " (schema " + schema + ", "
                    + file.length + " bytes)");
            return file;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the configuration", e);
        }
    }

    /** The configuration as readable JSON with every secret masked (the diagnostic log bundle's summary). */
    public String summary() {
        try (Connection c = dataSource.getConnection()) {
            JsonObject content = Json.createObjectBuilder().add("schemaVersion", SchemaMigration.currentVersion(c))
                    .add("node", settings.nodeTitle()).add("tables", ConfigurationTables.export(c, s -> "********"))
                    .build();
            StringWriter out = new StringWriter();
            JsonWriterFactory pretty = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
            try (JsonWriter w = pretty.createWriter(out)) {
                w.write(content);
            }
            return out.toString();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the configuration", e);
        }
    }

    /**
     * Replaces this node's configuration with the backup's. Refused, with nothing changed, for a missing file or
     * pass phrase, a wrong pass phrase, a damaged or altered file, or a backup from a newer schema.
     */
    public RestoreResult restore(byte[] file, String passPhrase) {
        caller.requireWrite();
        InvalidSettingsException.Collector missing = new InvalidSettingsException.Collector();
        if (file == null || file.length == 0) {
            missing.reject(BackupRefused.FILE, "is required: choose a system backup file");
        } else if (file.length > MAX_BYTES) {
            missing.reject(BackupRefused.FILE, "is larger than " + (MAX_BYTES >> 20) + " MiB: not a backup of this product");
        }
        if (passPhrase == null || passPhrase.isEmpty()) {
            missing.reject(BackupRefused.PASS_PHRASE, "is required: the one the backup was made with");
        }
        missing.throwIfAny();
        BackupFile.Header header = BackupFile.header(file);
        try (Connection c = dataSource.getConnection()) {
            String here = SchemaMigration.currentVersion(c);
            if (SchemaMigration.compare(header.schemaVersion(), here) > 0) {
                throw BackupRefused.file("was made by a newer version of Edgeway (database schema "
                        + header.schemaVersion() + "; this node has schema " + here + "): upgrade this node first");
            }
            JsonObject content = parse(BackupFile.open(file, passPhrase.toCharArray()));
            if (!header.schemaVersion().equals(content.getString("schemaVersion", null))) {
                throw BackupRefused.file("is damaged: its header and its content disagree");
            }
            JsonArray tables = content.getJsonArray("tables");
            ConfigurationTables.check(c, tables);
            String[] before = roleAndSize(c);
            int rows = ConfigurationTables.replace(c, tables, secrets::encrypt);
            boolean restart = !Arrays.equals(before, roleAndSize(c));
            configurationLog.record(new Changes(PAGE).compare("Configuration", null, "restored from the backup of "
                    + header.node() + " made " + header.createdAt() + " (schema " + header.schemaVersion() + ")"));
            if (restart) {
                alarms.raise(RESTART_ALARM, "Warning", "Restart required: a restored backup changed the node role or"
                        + " system size", "Restart the node (Maintenance > Restart options) for the restored node"
                        + " role and system size to take effect everywhere");
            }
            settingsChanged.fire(new SettingsChanged(PAGE));
            LOG.info(() -> "configuration restored by " + caller.name() + " from the backup of " + header.node()
                    + " made " + header.createdAt() + " (" + rows + " rows)");
            return new RestoreResult(header.node(), header.createdAt(), header.schemaVersion(), rows, restart);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot restore the configuration", e);
        }
    }

    /** The download name of a backup file: {@code edgeway-backup-<UTC time>.ewb}. */
    public static String fileName() {
        return "edgeway-backup-" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(java.time.ZoneOffset.UTC).format(Instant.now()) + ".ewb";
    }

    /** At start the restart has happened: the restored role and size are in effect. */
    public void reconcileRestartAlarm() {
        alarms.lower(RESTART_ALARM);
    }

    private static JsonObject parse(byte[] json) {
        try (JsonReader r = Json.createReader(new ByteArrayInputStream(json))) {
            JsonObject o = r.readObject();
            Objects.requireNonNull(o.getJsonArray("tables"));
            return o;
        } catch (JsonException | ClassCastException | NullPointerException e) {
            throw BackupRefused.file("is damaged: its content is not a configuration");
        }
    }

    private static String[] roleAndSize(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT node_role, system_size FROM system_settings")) {
            return rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : new String[0];
        }
    }
}
