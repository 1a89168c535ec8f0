package org.edgeway.it.calls;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.edgeway.engine.calls.CallComponent;
import org.edgeway.engine.calls.CallRecord;
import org.edgeway.engine.calls.CallStatus;
import org.edgeway.engine.calls.IcePassthroughCallType;
import org.edgeway.engine.calls.MediaChannel;
import org.edgeway.engine.calls.MediaEncryption;

/**
 * Call records as the engine reports them, and the bulk path that writes many of them straight into a STOPPED
 * node's H2 file (JDBC, batched, the V8 tables), for the console test and {@code bench/call-history.sh}. The node
 * itself stores records one at a time through {@code CallHistory.record} when calls end; this is only the fast way
 * to a large history.
 *
 * <pre>java -cp ... org.edgeway.it.calls.CallRecordSeeder DATA_DIR COUNT</pre>
 */
public final class CallRecordSeeder {

    private static final int BATCH = 2000;

    private CallRecordSeeder() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        Instant newest = Instant.now().minusSeconds(60);
        long started = System.nanoTime();
        try (Connection c = connect(data)) {
            c.setAutoCommit(false);
            for (int from = 0; from < count; from += BATCH) {
                List<CallRecord> batch = new ArrayList<>(BATCH);
                for (int i = from; i < Math.min(count, from + BATCH); i++) {
                    batch.add(call(i, newest));
                }
                insert(c, batch);
                c.commit();
            }
        }
        System.out.printf("seeded %d call records in %.1f s%n", count, (System.nanoTime() - started) / 1e9);
    }

    /** The node's database (as configure.cli names it); the node must be stopped. */
    public static Connection connect(Path dataDir) throws Exception {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("db/edgeway").toAbsolutePath(), "sa", "sa");
    }

    /**
     * The i-th sample call, started {@code 37 s * i} before {@code newest}: every fifth failed (486, ICE type none),
     * the others completed, cycling through every ICE passthrough call type; three legs, the B2BUA's in the middle.
     */
    public static CallRecord call(int i, Instant newest) {
        Instant start = newest.minusSeconds(37L * i);
        boolean failed = i % 5 == 4;
        CallStatus status = failed ? CallStatus.FAILED : CallStatus.COMPLETED;
        IcePassthroughCallType[] types = IcePassthroughCallType.values();
        IcePassthroughCallType type = failed ? IcePassthroughCallType.NONE : types[i % types.length];
        Instant end = start.plus(Duration.ofSeconds(failed ? 2 : 30 + i % 90));
        String caller = "sip:user" + (i % 13) + "@" + (i % 2 == 0 ? "example.com" : "remote.example.org");
        String called = "sip:desk" + (i % 7) + "@example.com";
        List<CallComponent> legs = List.of(
                new CallComponent(CallComponent.Type.SIP, "TLS:198.51.100." + (i % 250 + 1) + ":5061",
                        "TLS:127.0.0.1:5061", "CollaborationEdgeZone", "LocalZone", MediaEncryption.SRTP,
                        media(i, failed ? 0 : 1500)),
                new CallComponent(CallComponent.Type.B2BUA, "TLS:127.0.0.1:5061", "TCP:127.0.0.1:5060", "LocalZone",
                        "LocalZone", MediaEncryption.SRTP, media(i, failed ? 0 : 1500)),
                new CallComponent(CallComponent.Type.SIP, "TCP:127.0.0.1:5060", "TCP:192.0.2.10:5060", "LocalZone",
                        "CEtcp-cucm", MediaEncryption.NONE, media(i, failed ? 0 : 1490)));
        return new CallRecord(UUID.nameUUIDFromBytes(("call-" + i).getBytes()).toString(),
                UUID.nameUUIDFromBytes(("tag-" + i).getBytes()).toString(), start, end, caller, called, "SIP", status,
                failed ? "486 Busy Here" : "BYE from caller", 1920, type, legs);
    }

    private static List<MediaChannel> media(int i, long packets) {
        return List.of(new MediaChannel("audio RTP", "198.51.100.7:40000", "192.0.2.20:16384", packets, packets * 160,
                        i % 3, 1.5 + i % 4),
                new MediaChannel("audio RTCP", "198.51.100.7:40001", "192.0.2.20:16385", packets / 250,
                        packets / 250 * 84, 0, 0));
    }

    /** Writes the records with ids after the highest stored, then moves the identities past them. */
    public static void insert(Connection c, List<CallRecord> calls) throws Exception {
        long callId = max(c, "call_record");
        long legId = max(c, "call_component");
        long mediaId = max(c, "media_channel");
        try (PreparedStatement call = c.prepareStatement("insert into call_record(id, serial_number, tag, start_time,"
                + " end_time, duration_ms, source_alias, destination_alias, protocol, status, disconnect_reason,"
                + " bandwidth_kbps, ice_call_type, b2bua) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
                PreparedStatement leg = c.prepareStatement("insert into call_component(id, call_id, ordinal, type,"
                        + " source_address, destination_address, source_zone, destination_zone, encryption)"
                        + " values (?,?,?,?,?,?,?,?,?)");
                PreparedStatement channel = c.prepareStatement("insert into media_channel(id, component_id, ordinal,"
                        + " name, from_address, to_address, packets, bytes, lost, jitter_ms)"
                        + " values (?,?,?,?,?,?,?,?,?,?)")) {
            for (CallRecord r : calls) {
                call.setLong(1, ++callId);
                call.setString(2, r.serialNumber());
                call.setString(3, r.tag());
                call.setTimestamp(4, utc(r.start()));
                call.setTimestamp(5, utc(r.end()));
                call.setLong(6, r.duration(r.end()).toMillis());
                call.setString(7, r.sourceAlias());
                call.setString(8, r.destinationAlias());
                call.setString(9, r.protocol());
                call.setString(10, r.status().name());
                call.setString(11, r.disconnectReason());
                call.setLong(12, r.bandwidthKbps());
                call.setString(13, r.iceCallType().name());
                call.setBoolean(14, r.components().stream().anyMatch(l -> l.type() == CallComponent.Type.B2BUA));
                call.addBatch();
                int legOrdinal = 0;
                for (CallComponent l : r.components()) {
                    leg.setLong(1, ++legId);
                    leg.setLong(2, callId);
                    leg.setInt(3, legOrdinal++);
                    leg.setString(4, l.type().name());
                    leg.setString(5, l.sourceAddress());
                    leg.setString(6, l.destinationAddress());
                    leg.setString(7, l.sourceZone());
                    leg.setString(8, l.destinationZone());
                    leg.setString(9, l.encryption().name());
                    leg.addBatch();
                    int channelOrdinal = 0;
                    for (MediaChannel m : l.media()) {
                        channel.setLong(1, ++mediaId);
                        channel.setLong(2, legId);
                        channel.setInt(3, channelOrdinal++);
                        channel.setString(4, m.name());
                        channel.setString(5, m.from());
                        channel.setString(6, m.to());
                        channel.setLong(7, m.packets());
                        channel.setLong(8, m.bytes());
                        channel.setLong(9, m.lost());
                        channel.setDouble(10, m.jitterMillis());
                        channel.addBatch();
                    }
                }
            }
            call.executeBatch();
            leg.executeBatch();
            channel.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            s.execute("alter table call_record alter column id restart with " + (callId + 1));
            s.execute("alter table call_component alter column id restart with " + (legId + 1));
            s.execute("alter table media_channel alter column id restart with " + (mediaId + 1));
        }
    }

    private static long max(Connection c, String table) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select coalesce(max(id), 0) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Hibernate stores Instants in TIMESTAMP columns as UTC wall time (hibernate.jdbc.time_zone=UTC). */
    private static Timestamp utc(Instant t) {
        return t == null ? null : Timestamp.valueOf(java.time.LocalDateTime.ofInstant(t, java.time.ZoneOffset.UTC));
    }
}
