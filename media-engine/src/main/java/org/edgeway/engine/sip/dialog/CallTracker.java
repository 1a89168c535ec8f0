package org.edgeway.engine.sip.dialog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.edgeway.engine.EngineEvent;
import org.edgeway.engine.EngineListener;
import org.edgeway.engine.calls.CallControl;
import org.edgeway.engine.calls.CallEvent;
import org.edgeway.engine.calls.CallRecord;
import org.edgeway.engine.calls.CallStatus;
import org.edgeway.engine.sip.message.HeaderNames;
import org.edgeway.engine.sip.message.NameAddr;
import org.edgeway.engine.sip.message.Responses;
import org.edgeway.engine.sip.message.SipMessage;
import org.edgeway.engine.sip.message.SipUri;
import org.edgeway.engine.sip.transaction.ServerTransaction;
import org.edgeway.engine.sip.transaction.TransactionLayer;
import org.edgeway.engine.sip.transport.Flow;
import org.edgeway.engine.zones.ZoneConfig.Transport;

/**
 * The calls through this node: started when the proxy routes an INVITE, answered or failed by its final response,
 * completed by a BYE from either side, by {@link #disconnect} (BYE both ways, or CANCEL before the answer), by a
 * media timeout or when SIP stops. Reports exactly one {@link CallEvent.CallStarted} and one
 * {@link CallEvent.CallEnded} per call. Thread-safe: called from every event loop.
 */
public final class CallTracker implements CallControl {

    /** Carries the call's tag to the next node of the pair, so every node's record of the call shares it. */
    public static final String TAG_HEADER = "X-Edgeway-Call-Tag";
    static final String ADMIN_REASON = "Disconnected by administrator";
    private static final Logger LOG = Logger.getLogger(CallTracker.class.getName());

    private final ConcurrentHashMap<String, TrackedCall> calls = new ConcurrentHashMap<>();
    private final EngineListener events;
    private final Clock clock;
    private final ByeSender bye;
    private final Predicate<SipUri> isUs;
    private volatile Function<TrackedCall, MediaAnchor> media = call -> null;
    private final TransactionLayer layer;
    private final Function<Transport, String> sentBy;

    public CallTracker(EngineListener events, Clock clock, TransactionLayer layer,
            Function<Transport, String> sentBy, Predicate<SipUri> isUs) {
        this.events = events;
        this.clock = clock;
        this.bye = new ByeSender(layer, sentBy);
        this.layer = layer;
        this.sentBy = sentBy;
        this.isUs = isUs;
    }

    /**
     * An INVITE is routed to {@code calleeFlow}: a new call. {@code cancel} CANCELs the forwarded INVITE (what
     * {@link #disconnect} does before the answer).
     */
    public TrackedCall started(ServerTransaction tx, String sourceZone, String destinationZone, Flow calleeFlow,
            Runnable cancel) {
        SipMessage invite = tx.request();
        String tag = invite.header(TAG_HEADER);
        if (tag == null || tag.isBlank()) {
            tag = UUID.randomUUID().toString();
            invite.setHeader(TAG_HEADER, tag);
        }
        NameAddr contact = invite.nameAddrs(HeaderNames.CONTACT).stream().findFirst().orElse(null);
        CallLeg caller = new CallLeg(tx.flow(), contact, invite.from(), invite.headers(HeaderNames.RECORD_ROUTE));
        CallLeg callee = new CallLeg(calleeFlow, null, null, List.of());
        String key = key(invite.callId(), invite.from().tag());
        TrackedCall call = new TrackedCall(key, invite, tag, clock.instant(), sourceZone, destinationZone, caller,
                callee);
        call.cancel = cancel;
        call.transaction = tx;
        TrackedCall previous = calls.put(key, call);
        if (previous != null) {
            end(previous, CallStatus.FAILED, "Replaced by a new INVITE");
        }
        emit(new CallEvent.CallStarted(call.start, call.record()));
        return call;
    }

    /**
     * Decides for each new call whether this node anchors its media (null: it does not) and whether it terminates
     * its dialog (the B2BUA).
     */
    public void media(Function<TrackedCall, MediaAnchor> value) {
        media = value;
    }

    /**
     * How the INVITE of a call (null: not a call) and its responses are rewritten on their way through: the SDP of
     * an anchored call, and for a call this node terminates the dialog identifiers too (its second dialog starts).
     */
    public MessageRewrite rewrite(TrackedCall call) {
        if (call == null) {
            return MessageRewrite.NONE;
        }
        MediaAnchor anchor = media.apply(call);
        call.anchor = anchor;
        ServerTransaction tx = call.transaction;
        call.transaction = null;
        MessageRewrite sdp = OfferAnswer.of(anchor, true);
        if (anchor == null || !anchor.twoDialogs()) {
            return sdp;
        }
        DialogBridge bridge = new DialogBridge(tx, call.callee.flow(), layer, sentBy);
        call.bridge = bridge;
        calls.put(bridge.calleeKey(), call);
        return bridge.initialInvite(sdp);
    }

    /**
     * How a request inside an anchored call's dialog (proxied, not terminated here) and its responses are
     * rewritten: the offers and answers it carries.
     */
    public MessageRewrite inDialogRewrite(SipMessage request) {
        Found f = find(request);
        return f == null ? MessageRewrite.NONE : OfferAnswer.of(f.call.anchor, f.fromCaller);
    }

    /**
     * A request inside a call this node terminates (before {@link #inDialog}): re-issued in the call's other
     * dialog, true; false when the request is not for such a call (the proxy routes it).
     */
    public boolean bridged(ServerTransaction tx) {
        Found f = find(tx.request());
        if (f == null || f.call.bridge == null) {
            return false;
        }
        f.call.bridge.forward(tx, f.fromCaller, OfferAnswer.of(f.call.anchor, f.fromCaller));
        return true;
    }

    /** The ACK of a 2xx inside a call this node terminates: re-issued in the other dialog, true. */
    public boolean bridgedAck(SipMessage ack) {
        Found f = find(ack);
        if (f == null || f.call.bridge == null) {
            return false;
        }
        f.call.bridge.ack(ack, f.fromCaller, OfferAnswer.of(f.call.anchor, f.fromCaller));
        return true;
    }

    /** A call a request belongs to, and whether the caller sent it. */
    private record Found(TrackedCall call, boolean fromCaller) {
    }

    private Found find(SipMessage request) {
        TrackedCall call = calls.get(key(request.callId(), request.from().tag()));
        if (call != null) {
            return new Found(call, true);
        }
        call = calls.get(key(request.callId(), request.to().tag()));
        return call == null ? null : new Found(call, false);
    }

    /** The final response the forwarded INVITE got (null when this node ended it with {@code status}). */
    public void finalResponse(TrackedCall call, int status, SipMessage response) {
        if (status / 100 == 2 && response != null) {
            call.answeredBy(response, routesTowardCallee(response));
            return;
        }
        String reason;
        synchronized (call) {
            reason = call.endingReason != null ? call.endingReason
                    : status + " " + (response != null ? response.reason() : Responses.reason(status));
        }
        end(call, CallStatus.FAILED, reason);
    }

    /** A request inside a dialog passes through: a BYE ends its call; any other keeps the CSeq count. */
    public void inDialog(SipMessage request) {
        Found f = find(request);
        if (f == null) {
            return;
        }
        TrackedCall call = f.call;
        boolean fromCaller = f.fromCaller;
        synchronized (call) {
            long cseq = request.cseq().number();
            if (fromCaller) {
                call.callerCseq = Math.max(call.callerCseq, cseq);
            } else {
                call.calleeCseq = Math.max(call.calleeCseq, cseq);
            }
        }
        DialogOffers offers = call.offers;
        boolean offer = request.method().equals("INVITE") || request.method().equals("UPDATE");
        if (offers != null && offer && request.body().length > 0) {
            offers.offer(request, fromCaller);
        }
        if (fromCaller && request.method().equals("ACK")) {
            call.confirmed = true;
        } else if (request.method().equals("BYE")) {
            end(call, CallStatus.COMPLETED, fromCaller ? "BYE from caller" : "BYE from callee");
        }
    }

    @Override
    public List<CallRecord> activeCalls() {
        List<CallRecord> out = new ArrayList<>();
        for (TrackedCall c : new java.util.HashSet<>(calls.values())) {
            out.add(c.record());
        }
        out.sort(java.util.Comparator.comparing(CallRecord::start));
        return out;
    }

    /** The tracked call of a serial number, or null. */
    public TrackedCall find(String serialNumber) {
        for (TrackedCall c : calls.values()) {
            if (c.serialNumber.equals(serialNumber)) {
                return c;
            }
        }
        return null;
    }

    @Override
    public boolean disconnect(String serialNumber) {
        TrackedCall call = find(serialNumber);
        return call != null && hangUp(call, ADMIN_REASON);
    }

    /**
     * Ends a call from this node: BYE to both sides when answered (the call ends now), else a CANCEL downstream
     * (the call ends with the 487 that follows, keeping {@code reason}).
     */
    public boolean hangUp(TrackedCall call, String reason) {
        Runnable cancel;
        synchronized (call) {
            if (call.ended) {
                return false;
            }
            if (!call.answered) {
                call.endingReason = reason;
                cancel = call.cancel;
            } else if (call.bridge != null) {
                cancel = null;
                call.bridge.bye(false, ByeSender.IGNORE);
                call.bridge.bye(true, ByeSender.IGNORE);
            } else {
                cancel = null;
                bye.send(call.callId, call.callee, call.caller.self(), ++call.callerCseq);
                bye.send(call.callId, call.caller, call.callee.self(), ++call.calleeCseq);
            }
        }
        if (cancel != null) {
            cancel.run();
        } else {
            end(call, CallStatus.COMPLETED, reason);
        }
        return true;
    }

    /** Ends every call (SIP stopping); their records say why. */
    public void endAll(String reason) {
        for (TrackedCall c : java.util.Set.copyOf(calls.values())) {
            end(c, c.answered ? CallStatus.COMPLETED : CallStatus.FAILED, reason);
        }
    }

    /** Records the end of a call once: its media released, its final record reported. */
    public void end(TrackedCall call, CallStatus status, String reason) {
        CallRecord last;
        synchronized (call) {
            if (call.ended) {
                return;
            }
            call.ended = true;
            calls.remove(call.key, call);
            if (call.bridge != null) {
                calls.remove(call.bridge.calleeKey(), call);
            }
            last = call.record();
        }
        CallMedia media = call.media;
        if (media != null) {
            media.close();
        }
        emit(new CallEvent.CallEnded(clock.instant(), last.ended(clock.instant(),
                status == CallStatus.COMPLETED && !call.answered ? CallStatus.FAILED : status, reason,
                last.components())));
    }

    /** Calls now tracked (tests and the media timeout). */
    public List<TrackedCall> calls() {
        return List.copyOf(java.util.Set.copyOf(calls.values()));
    }

    /**
     * The 2xx's Record-Route lists the callee's nearest proxy first: those above this node's own entry, nearest to
     * this node first, are the Route set toward the callee.
     */
    private List<String> routesTowardCallee(SipMessage response) {
        List<NameAddr> rr = response.nameAddrs(HeaderNames.RECORD_ROUTE);
        int own = -1;
        for (int i = 0; i < rr.size(); i++) {
            if (isUs.test(rr.get(i).uri())) {
                own = i;
                break;
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = own - 1; i >= 0 && own >= 0; i--) {
            out.add(rr.get(i).toString());
        }
        return out;
    }

    private static String key(String callId, String callerTag) {
        return callId + ';' + callerTag;
    }

    private void emit(EngineEvent event) {
        try {
            events.onEvent(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "engine listener failed on a call event", e);
        }
    }
}
