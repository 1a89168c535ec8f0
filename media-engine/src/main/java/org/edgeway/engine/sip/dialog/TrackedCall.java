package org.edgeway.engine.sip.dialog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.edgeway.engine.calls.CallComponent;
import org.edgeway.engine.calls.CallRecord;
import org.edgeway.engine.calls.CallStatus;
import org.edgeway.engine.calls.IceCandidatesOffered;
import org.edgeway.engine.calls.IcePassthroughCallType;
import org.edgeway.engine.calls.MediaEncryption;
import org.edgeway.engine.sip.message.NameAddr;
import org.edgeway.engine.sip.message.SipMessage;
import org.edgeway.engine.zones.ZoneConfig.Transport;

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
    /** The INVITE's server transaction (what a B2BUA's first dialog is built from). */
    org.edgeway.engine.sip.transaction.ServerTransaction transaction;
    /** The SDP this node rewrites for the call, null when it does not anchor its media. */
    volatile MediaAnchor anchor;
    /** The call's two dialogs when this node terminates it, else null (proxied: one dialog end to end). */
    volatile DialogBridge bridge;
    volatile CallMedia media;
    volatile DialogOffers offers;
    volatile IcePassthroughCallType iceCallType = IcePassthroughCallType.NONE;
    volatile IceCandidatesOffered iceCandidates = IceCandidatesOffered.NONE;
    volatile boolean iceConfigured;

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

    /** Both legs of the call's signalling on this node run over TLS (keys may travel in their SDP). */
    public boolean signalledOverTls() {
        return caller.flow().transport() == Transport.TLS && callee.flow().transport() == Transport.TLS;
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

    /** Who reads the offers inside this call's dialog (the B2BUA when it passes ICE through). */
    public void offers(DialogOffers value) {
        offers = value;
    }

    /** How ICE went for the call so far: who offered candidates, whether the nodes were configured for it. */
    public void ice(IceCandidatesOffered offered, boolean configured) {
        iceCandidates = offered;
        iceConfigured = configured;
    }

    /**
     * The endpoints moved the media onto the ICE path they chose: the record keeps the type, and this node no
     * longer expects media (no media timeout).
     */
    public void optimised(IcePassthroughCallType type) {
        iceCallType = type;
    }

    /** Whether the call's media still flows through this node (anchored, and not moved away by ICE). */
    public boolean mediaHere() {
        return media != null && !iceCallType.optimised();
    }

    public void bandwidth(long kbps) {
        bandwidthKbps = Math.max(bandwidthKbps, kbps);
    }

    /** The record as it stands (active), with the media counters now. */
    synchronized CallRecord record() {
        return new CallRecord(serialNumber, tag, start, null, sourceAlias, destinationAlias, "SIP",
                CallStatus.ACTIVE, "", bandwidthKbps, iceCallType, iceCandidates, iceConfigured, components());
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
