package org.edgeway.services.calls;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.edgeway.engine.calls.CallComponent;
import org.edgeway.engine.calls.CallRecord;
import org.edgeway.engine.calls.CallStatus;
import org.edgeway.engine.calls.IcePassthroughCallType;
import org.edgeway.engine.calls.MediaChannel;
import org.edgeway.persistence.calls.CallComponentEntry;
import org.edgeway.persistence.calls.CallRecordEntry;
import org.edgeway.persistence.calls.MediaChannelEntry;

/**
 * The one mapping between the engine's call records, the stored rows and the views: enumerations are stored by
 * name and shown by their label.
 */
final class CallRecords {

    private CallRecords() {
    }

    /** The database keeps times to the microsecond; stored and filtered times agree when cut there first. */
    static Instant stored(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }

    static CallRecordEntry entry(CallRecord c) {
        List<CallComponentEntry> legs = new ArrayList<>();
        for (CallComponent leg : c.components()) {
            List<MediaChannelEntry> media = new ArrayList<>();
            for (MediaChannel m : leg.media()) {
                media.add(new MediaChannelEntry(media.size(), m.name(), m.from(), m.to(), m.packets(), m.bytes(),
                        m.lost(), m.jitterMillis()));
            }
            legs.add(new CallComponentEntry(legs.size(), leg.type().name(), leg.sourceAddress(),
                    leg.destinationAddress(), leg.sourceZone(), leg.destinationZone(), leg.encryption().name(), media));
        }
        Instant end = c.end() == null ? Instant.now() : c.end();
        return new CallRecordEntry(c.serialNumber(), c.tag(), stored(c.start()), stored(c.end()),
                c.duration(end).toMillis(),
                nonNull(c.sourceAlias()), nonNull(c.destinationAlias()), c.protocol() == null ? "SIP" : c.protocol(),
                c.status().name(), c.disconnectReason(), c.bandwidthKbps(), c.iceCallType().name(),
                c.iceCandidates().name(), c.iceConfigured(), c.components().stream().anyMatch(leg -> leg.type() == CallComponent.Type.B2BUA), legs);
    }

    /** A live call, its duration up to {@code now}. */
    static CallRow row(CallRecord c, Instant now) {
        return new CallRow(c.serialNumber(), c.tag(), c.start(), c.end(), c.duration(now).toSeconds(),
                nonNull(c.sourceAlias()), nonNull(c.destinationAlias()), c.protocol(), c.status().label(),
                c.disconnectReason(), c.bandwidthKbps(), c.iceCallType().label());
    }

    static CallDetail detail(CallRecord c, Instant now) {
        return new CallDetail(row(c, now), c.components().stream().map(leg -> new CallLeg(leg.type().label(),
                leg.sourceAddress(), leg.destinationAddress(), leg.sourceZone(), leg.destinationZone(),
                leg.encryption().label(), leg.media().stream().map(m -> new CallMedia(m.name(), m.from(), m.to(),
                        m.packets(), m.bytes(), m.lost(), m.jitterMillis())).toList())).toList());
    }

    /** A stored call, from its columns as the history query selects them (see {@link CallHistoryQuery#ROW}). */
    @SuppressWarnings("java:S107")
    static CallRow row(String serial, String tag, Instant start, Instant end, long durationMillis, String source,
            String destination, String protocol, String status, String reason, long bandwidthKbps, String iceType) {
        return new CallRow(serial, tag, start, end, Duration.ofMillis(durationMillis).toSeconds(), source, destination,
                protocol, CallStatus.valueOf(status).label(), reason, bandwidthKbps,
                IcePassthroughCallType.valueOf(iceType).label());
    }

    static CallDetail detail(CallRecordEntry e) {
        CallRow row = row(e.getSerialNumber(), e.getTag(), e.getStartTime(), e.getEndTime(), e.getDurationMillis(),
                e.getSourceAlias(), e.getDestinationAlias(), e.getProtocol(), e.getStatus(), e.getDisconnectReason(),
                e.getBandwidthKbps(), e.getIceCallType());
        return new CallDetail(row, e.getComponents().stream().map(leg -> new CallLeg(
                CallComponent.Type.valueOf(leg.getType()).label(), leg.getSourceAddress(), leg.getDestinationAddress(),
                leg.getSourceZone(), leg.getDestinationZone(),
                org.edgeway.engine.calls.MediaEncryption.valueOf(leg.getEncryption()).label(),
                leg.getMedia().stream().map(m -> new CallMedia(m.getName(), m.getFromAddress(), m.getToAddress(),
                        m.getPackets(), m.getBytes(), m.getLost(), m.getJitterMillis())).toList())).toList());
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
