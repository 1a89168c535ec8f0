package org.edgeway.engine.calls;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One call through this node as Status > Calls and the call detail record show it. Immutable: the engine hands out
 * a new record whenever the call changes (media counters, end).
 *
 * @param serialNumber      unique per call on this node (Expressway's "Call serial number", a UUID)
 * @param tag               shared by every node the call crosses (carried between C and E), a UUID
 * @param start             when the call was set up (the INVITE arrived)
 * @param end               when it ended; {@code null} while active
 * @param sourceAlias       the caller's alias (From URI, e.g. {@code sip:alice@example.com})
 * @param destinationAlias  the called alias (Request-URI of the first INVITE)
 * @param protocol          signalling protocol, "SIP"
 * @param status            active, completed or failed
 * @param disconnectReason  why it ended ("BYE from caller", "486 Busy Here", "Media timeout", "Disconnected by
 *                          administrator" ...); empty while active
 * @param bandwidthKbps     bandwidth the call was allowed (from SDP b= lines, 0 when none)
 * @param iceCallType       ICE passthrough outcome ({@link IcePassthroughCallType#NONE} unless both ends did ICE)
 * @param iceCandidates     which endpoints offered ICE candidates
 * @param iceConfigured     the call had the required Expressway ICE configuration: ICE passthrough support On on
 *                          the zones it crossed here and TLS signalling on both its legs (B-ICEP-05/07)
 * @param components        the legs as they crossed this node, in order (incl. the B2BUA leg on C)
 */
public record CallRecord(String serialNumber, String tag, Instant start, Instant end, String sourceAlias,
        String destinationAlias, String protocol, CallStatus status, String disconnectReason, long bandwidthKbps,
        IcePassthroughCallType iceCallType, IceCandidatesOffered iceCandidates, boolean iceConfigured,
        List<CallComponent> components) {

    public CallRecord {
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(status, "status");
        disconnectReason = disconnectReason == null ? "" : disconnectReason;
        iceCallType = iceCallType == null ? IcePassthroughCallType.NONE : iceCallType;
        iceCandidates = iceCandidates == null ? IceCandidatesOffered.NONE : iceCandidates;
        components = List.copyOf(components);
    }

    /** A record of a call that saw no ICE (no candidates, no ICE configuration). */
    @SuppressWarnings("java:S107")
    public CallRecord(String serialNumber, String tag, Instant start, Instant end, String sourceAlias,
            String destinationAlias, String protocol, CallStatus status, String disconnectReason, long bandwidthKbps,
            IcePassthroughCallType iceCallType, List<CallComponent> components) {
        this(serialNumber, tag, start, end, sourceAlias, destinationAlias, protocol, status, disconnectReason,
                bandwidthKbps, iceCallType, IceCandidatesOffered.NONE, false, components);
    }

    /** Time from start to end, or to {@code now} while active. */
    public Duration duration(Instant now) {
        return Duration.between(start, end == null ? now : end);
    }

    /**
     * What the call takes on this node's links now (Status &gt; Bandwidth &gt; Links): its bandwidth while active with
     * its media here, nothing once ended or once ICE moved its media off the node (B-ICEP-10).
     */
    public long linkBandwidthKbps() {
        return active() && !iceCallType.optimised() ? bandwidthKbps : 0;
    }

    public boolean active() {
        return status == CallStatus.ACTIVE;
    }

    /** This record ended with the given status and reason. */
    public CallRecord ended(Instant at, CallStatus finalStatus, String reason, List<CallComponent> finalComponents) {
        return new CallRecord(serialNumber, tag, start, at, sourceAlias, destinationAlias, protocol, finalStatus, reason,
                bandwidthKbps, iceCallType, iceCandidates, iceConfigured, finalComponents);
    }
}
