package org.edgeway.services.backup;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The node's configuration as rows of its database tables, read and written over JDBC so that every table a
 * migration adds is carried without a change here. A table is configuration unless {@link #NOT_CONFIGURATION}
 * names it (history, logs, alarms, blocked addresses and the schema history are the node's own). A column named
 * {@code *_encrypted} holds a secret under the node key (SecretBox): it is exported decrypted (the backup file is encrypted as a
 * whole) and encrypted again with the restoring node's key.
 */
final class ConfigurationTables {

    static final Set<String> NOT_CONFIGURATION = Set.of("flyway_schema_history", "alarm", "config_log",
            "call_record", "call_component", "media_channel", "protection_block");
    static final String SECRET_SUFFIX = "_encrypted";

    /** One column of a table here: its name (lower case), JDBC type, whether the database generates it. */
    record Column(String name, int type, boolean generated) {
    }

    /** A configuration table here, its columns in order. */
    record Table(String name, List<Column> columns) {

        Column column(String name) {
            return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
        }
    }

    private ConfigurationTables() {
    }

    /** Every configuration table of this schema, parents before the tables that refer to them. */
    static List<Table> tables(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String schema = c.getSchema();
        Map<String, Table> tables = new LinkedHashMap<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!NOT_CONFIGURATION.contains(name)) {
                    tables.put(name, new Table(name, columns(meta, schema, rs.getString("TABLE_NAME"))));
                }
            }
        }
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (String name : tables.keySet()) {
            Set<String> p = new LinkedHashSet<>();
            try (ResultSet rs = meta.getImportedKeys(null, schema, exact(meta, name))) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!parent.equals(name)) {
                        p.add(parent);
                    }
                }
            }
            parents.put(name, p);
        }
        List<Table> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < tables.size()) {
            boolean progress = false;
            for (Table t : tables.values()) {
                if (!placed.contains(t.name()) && placed.containsAll(parents.get(t.name()).stream()
                        .filter(tables::containsKey).toList())) {
                    ordered.add(t);
                    placed.add(t.name());
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("configuration tables refer to each other in a cycle: " + parents);
            }
        }
        return ordered;
    }

    /** The rows of every configuration table, secrets decrypted by {@code reveal}. */
    static JsonArray export(Connection c, UnaryOperator<String> reveal) throws SQLException {
        JsonArrayBuilder out = Json.createArrayBuilder();
        for (Table t : tables(c)) {
            JsonArrayBuilder columns = Json.createArrayBuilder();
            t.columns().forEach(col -> columns.add(col.name()));
            JsonArrayBuilder rows = Json.createArrayBuilder();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT * FROM " + t.name() + orderBy(t))) {
                while (rs.next()) {
                    JsonArrayBuilder row = Json.createArrayBuilder();
                    for (Column col : t.columns()) {
                        row.add(read(rs, col, reveal));
                    }
                    rows.add(row);
                }
            }
            out.add(Json.createObjectBuilder().add("name", t.name()).add("columns", columns).add("rows", rows));
        }
        return out.build();
    }

    /**
     * Checks the tables of a backup against this schema without writing: every table and column it names must
     * exist here (a backup from an older schema lacks only columns added since, which take their defaults).
     */
    static void check(Connection c, JsonArray backup) throws SQLException {
        Map<String, Table> here = new LinkedHashMap<>();
        tables(c).forEach(t -> here.put(t.name(), t));
        for (JsonValue v : backup) {
            JsonObject table = v.asJsonObject();
            Table t = here.get(table.getString("name"));
            if (t == null) {
                throw BackupRefused.file("holds table " + table.getString("name") + ", which this node does not have");
            }
            List<String> columns = table.getJsonArray("columns").getValuesAs(JsonString::getString);
            for (String col : columns) {
                if (t.column(col) == null) {
                    throw BackupRefused.file("holds column " + t.name() + "." + col + ", which this node does not have");
                }
            }
            for (JsonValue row : table.getJsonArray("rows")) {
                if (row.asJsonArray().size() != columns.size()) {
                    throw BackupRefused.file("is damaged: a row of " + t.name() + " has the wrong number of values");
                }
            }
        }
    }

    /**
     * Replaces the rows of every configuration table with the backup's (in the caller's transaction): tables the
     * backup does not hold end up empty. Secrets are encrypted by {@code protect}. Generated ids keep their values
     * (zone numbers are identities) and the generators continue after the highest.
     */
    static int replace(Connection c, JsonArray backup, UnaryOperator<String> protect) throws SQLException {
        List<Table> tables = tables(c);
        Map<String, JsonObject> byName = new LinkedHashMap<>();
        backup.forEach(v -> byName.put(v.asJsonObject().getString("name"), v.asJsonObject()));
        for (int i = tables.size() - 1; i >= 0; i--) {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM " + tables.get(i).name());
            }
        }
        int rows = 0;
        for (Table t : tables) {
            JsonObject table = byName.get(t.name());
            if (table == null) {
                continue;
            }
            List<Column> columns = table.getJsonArray("columns").getValuesAs(JsonString::getString).stream()
                    .map(t::column).toList();
            if (columns.isEmpty()) {
                continue;
            }
            String sql = "INSERT INTO " + t.name() + " (" + String.join(", ", columns.stream().map(Column::name)
                    .toList()) + ") VALUES (" + String.join(", ", columns.stream().map(x -> "?").toList()) + ")";
            try (PreparedStatement insert = c.prepareStatement(sql)) {
                for (JsonValue row : table.getJsonArray("rows")) {
                    JsonArray values = row.asJsonArray();
                    for (int i = 0; i < columns.size(); i++) {
                        write(insert, i + 1, columns.get(i), values.get(i), protect);
                    }
                    insert.executeUpdate();
                    rows++;
                }
            }
            for (Column col : t.columns()) {
                if (col.generated()) {
                    restartAfterHighest(c, t, col);
                }
            }
        }
        return rows;
    }

    private static void restartAfterHighest(Connection c, Table t, Column col) throws SQLException {
        long next;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT MAX(" + col.name() + ") FROM " + t.name())) {
            rs.next();
            next = rs.getLong(1) + 1;
        }
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE " + t.name() + " ALTER COLUMN " + col.name() + " RESTART WITH " + next);
        }
    }

    private static List<Column> columns(DatabaseMetaData meta, String schema, String table) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(null, schema, table, "%")) {
            while (rs.next()) {
                columns.add(new Column(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), rs.getInt("DATA_TYPE"),
                        "YES".equals(rs.getString("IS_AUTOINCREMENT"))));
            }
        }
        return columns;
    }

    /** The table's name as the database stores it (H2 upper case, PostgreSQL lower case). */
    private static String exact(DatabaseMetaData meta, String name) throws SQLException {
        return meta.storesUpperCaseIdentifiers() ? name.toUpperCase(Locale.ROOT) : name;
    }

    private static String orderBy(Table t) {
        return t.columns().isEmpty() ? "" : " ORDER BY " + t.columns().get(0).name();
    }

    private static JsonValue read(ResultSet rs, Column col, UnaryOperator<String> reveal) throws SQLException {
        String name = col.name();
        switch (col.type()) {
            case Types.BOOLEAN, Types.BIT -> {
                boolean b = rs.getBoolean(name);
                return rs.wasNull() ? JsonValue.NULL : b ? JsonValue.TRUE : JsonValue.FALSE;
            }
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> {
                long l = rs.getLong(name);
                return rs.wasNull() ? JsonValue.NULL : Json.createValue(l);
            }
            case Types.REAL, Types.FLOAT, Types.DOUBLE, Types.DECIMAL, Types.NUMERIC -> {
                java.math.BigDecimal d = rs.getBigDecimal(name);
                return d == null ? JsonValue.NULL : Json.createValue(d);
            }
            case Types.TIMESTAMP -> {
                LocalDateTime t = rs.getObject(name, LocalDateTime.class);
                return t == null ? JsonValue.NULL : Json.createValue(t.toString());
            }
            case Types.DATE -> {
                LocalDate d = rs.getObject(name, LocalDate.class);
                return d == null ? JsonValue.NULL : Json.createValue(d.toString());
            }
            case Types.TIME -> {
                LocalTime t = rs.getObject(name, LocalTime.class);
                return t == null ? JsonValue.NULL : Json.createValue(t.toString());
            }
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                byte[] b = rs.getBytes(name);
                return b == null ? JsonValue.NULL : Json.createValue(Base64.getEncoder().encodeToString(b));
            }
            default -> {
                String s = rs.getString(name);
                if (s == null) {
                    return JsonValue.NULL;
                }
                return Json.createValue(name.endsWith(SECRET_SUFFIX) ? reveal.apply(s) : s);
            }
        }
    }

    private static void write(PreparedStatement p, int i, Column col, JsonValue v, UnaryOperator<String> protect)
            throws SQLException {
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            p.setNull(i, col.type());
            return;
        }
        try {
            switch (col.type()) {
                case Types.BOOLEAN, Types.BIT -> p.setBoolean(i, v.equals(JsonValue.TRUE) ? true
                        : v.equals(JsonValue.FALSE) ? false : bad(col));
                case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT ->
                        p.setLong(i, ((JsonNumber) v).longValueExact());
                case Types.REAL, Types.FLOAT, Types.DOUBLE, Types.DECIMAL, Types.NUMERIC ->
                        p.setBigDecimal(i, ((JsonNumber) v).bigDecimalValue());
                case Types.TIMESTAMP -> p.setObject(i, LocalDateTime.parse(((JsonString) v).getString()));
                case Types.DATE -> p.setObject(i, LocalDate.parse(((JsonString) v).getString()));
                case Types.TIME -> p.setObject(i, LocalTime.parse(((JsonString) v).getString()));
                case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
                        p.setBytes(i, Base64.getDecoder().decode(((JsonString) v).getString()));
                default -> {
                    String s = ((JsonString) v).getString();
                    p.setString(i, col.name().endsWith(SECRET_SUFFIX) ? protect.apply(s) : s);
                }
            }
        } catch (ClassCastException | ArithmeticException | IllegalArgumentException
                | java.time.format.DateTimeParseException e) {
            bad(col);
        }
    }

    private static boolean bad(Column col) {
        throw BackupRefused.file("is damaged: a value of column " + col.name() + " has the wrong type");
    }
}
