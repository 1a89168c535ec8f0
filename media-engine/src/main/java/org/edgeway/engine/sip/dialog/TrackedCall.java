package org.edgeway.engine.sip.dialog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.edgeway.engine.calls.CallComponent;
import org.edgeway.engine.calls.CallRecord;
import org.edgeway.engine.calls.CallStatus;
import org.edgeway.engine.calls.IcePassthroughCallType;
import org.edgeway.engine.calls.MediaEncryption;
import org.edgeway.engine.sip.message.NameAddr;
import org.edgeway.engine.sip.message.SipMessage;

/**
 * One call through this node, from its first INVITE to its end: the two sides of the dialog, its media (when this
 * node relays it) and the {@link CallRecord} it reports. Changed only through {@link CallTracker}, under its lock.
 */
public final class TrackedCall {

    final String key;
    final String callId;
    final String serialNumber = UUID.randomUUID().toString();
    final String tag;
    final Instant start;
    final String sourceAlias;
    final String destinationAlias;
    final String sourceZone;
    final String destinationZone;
    CallLeg caller;
    CallLeg callee;
    long callerCseq;
    long calleeCseq;
    boolean answered;
    /** The caller's ACK of the 2xx went through. */
    volatile boolean confirmed;
    boolean ended;
    long bandwidthKbps;
    /** Why the call is being ended by this node (a CANCEL it sent), so the 487 that follows keeps that reason. */
    String endingReason;
    Runnable cancel;
    volatile CallMedia media;

    TrackedCall(String key, SipMessage invite, String tag, Instant start, String sourceZone, String destinationZone,
            CallLeg caller, CallLeg callee) {
        this.key = key;
        this.callId = invite.callId();
        this.tag = tag;
        this.start = start;
        this.sourceAlias = invite.from().uri().toString();
        this.destinationAlias = invite.requestUri().toString();
        this.sourceZone = sourceZone;
        this.destinationZone = destinationZone;
        this.caller = caller;
        this.callee = callee;
        this.callerCseq = invite.cseq().number();
    }

    public String serialNumber() {
        return serialNumber;
    }

    public String sourceZone() {
        return sourceZone;
    }

    public String destinationZone() {
        return destinationZone;
    }

    /** Answered and acknowledged: the dialog is confirmed on both sides. */
    public boolean confirmed() {
        return confirmed;
    }

    /** The media this node relays for the call; set once when the offer is anchored. */
    public void media(CallMedia value) {
        media = value;
    }

    public CallMedia media() {
        return media;
    }

    public void bandwidth(long kbps) {
        bandwidthKbps = Math.max(bandwidthKbps, kbps);
    }

    /** The record as it stands (active), with the media counters now. */
    synchronized CallRecord record() {
        return new CallRecord(serialNumber, tag, start, null, sourceAlias, destinationAlias, "SIP",
                CallStatus.ACTIVE, "", bandwidthKbps, IcePassthroughCallType.NONE, components());
    }

    /**
     * Without media on this node, one SIP component from the caller to the callee; with it, the caller's SIP leg,
     * the B2BUA leg between them and the callee's SIP leg, each with its media channels.
     */
    private List<CallComponent> components() {
        CallMedia m = media;
        List<CallComponent> out = new ArrayList<>();
        if (m == null) {
            out.add(new CallComponent(CallComponent.Type.SIP, caller.address(), callee.address(), sourceZone,
                    destinationZone, MediaEncryption.NONE, List.of()));
            return out;
        }
        String b2bua = "B2BUA";
        out.add(new CallComponent(CallComponent.Type.SIP, caller.address(), b2bua, sourceZone, "B2BUA",
                m.callerEncryption(), m.callerSide()));
        out.add(new CallComponent(CallComponent.Type.B2BUA, caller.address(), callee.address(), sourceZone,
                destinationZone, MediaEncryption.NONE, List.of()));
        out.add(new CallComponent(CallComponent.Type.SIP, b2bua, callee.address(), "B2BUA", destinationZone,
                m.calleeEncryption(), m.calleeSide()));
        return out;
    }

    /** The callee's identity and target from its 2xx. */
    synchronized void answeredBy(SipMessage response, List<String> routesTowardCallee) {
        NameAddr contact = response.nameAddrs(org.edgeway.engine.sip.message.HeaderNames.CONTACT).stream()
                .findFirst().orElse(null);
        callee = new CallLeg(callee.flow(), contact, response.to(), routesTowardCallee);
        answered = true;
    }
}
