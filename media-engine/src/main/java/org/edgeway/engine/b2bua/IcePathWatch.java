package org.edgeway.engine.b2bua;

import java.util.logging.Logger;
import org.edgeway.engine.calls.IcePassthroughCallType;
import org.edgeway.engine.ice.IcePathClassifier;
import org.edgeway.engine.sdp.MediaDescription;
import org.edgeway.engine.sdp.SdpCodec;
import org.edgeway.engine.sdp.SdpParseException;
import org.edgeway.engine.sdp.SessionDescription;
import org.edgeway.engine.sip.dialog.DialogOffers;
import org.edgeway.engine.sip.dialog.TrackedCall;
import org.edgeway.engine.sip.message.HeaderNames;
import org.edgeway.engine.sip.message.SipMessage;

/**
 * Follows a call whose ICE this node passes through, both endpoints having offered candidates: when the controlling
 * agent's updated offer concludes ICE on a path that is not this node's anchored address, the call gets its ICE
 * passthrough call type and this node releases the call's relay ports (B-ICEP-03/10); the offer and its answer go on
 * unchanged. An updated offer still naming this node (ICE chose nothing better) leaves the call on the B2BUA path.
 */
final class IcePathWatch implements DialogOffers {

    private static final Logger LOG = Logger.getLogger(IcePathWatch.class.getName());

    private final TrackedCall call;
    /** This node's media address (its SDP c=). */
    private final String address;
    private final AnchoredMedia media;
    private final SessionDescription callerOffer;
    private final SessionDescription calleeAnswer;

    /** @param callerOffer and {@code calleeAnswer}: the descriptions with the candidates, as they arrived */
    IcePathWatch(TrackedCall call, String address, AnchoredMedia media, SessionDescription callerOffer,
            SessionDescription calleeAnswer) {
        this.call = call;
        this.address = address;
        this.media = media;
        this.callerOffer = callerOffer;
        this.calleeAnswer = calleeAnswer;
    }

    @Override
    public void offer(SipMessage request, boolean fromCaller) {
        String type = request.header(HeaderNames.CONTENT_TYPE);
        if (type == null || !type.toLowerCase().startsWith("application/sdp")) {
            return;
        }
        try {
            SessionDescription update = SdpCodec.decode(request.body());
            IcePassthroughCallType outcome = IcePathClassifier.classify(update, fromCaller ? calleeAnswer
                    : callerOffer);
            if (outcome == null || anchoredHere(update)) {
                return;
            }
            call.optimised(outcome);
            media.close();
            LOG.fine(() -> "call " + call.serialNumber() + ": media left this node, " + outcome.label());
        } catch (SdpParseException e) {
            LOG.fine(() -> "call " + call.serialNumber() + ": updated offer not read: " + e.getMessage());
        }
    }

    /** Whether the offer's default address for its first active stream is one of this node's relay ports. */
    private boolean anchoredHere(SessionDescription sdp) throws SdpParseException {
        for (MediaDescription m : sdp.media()) {
            if (m.port() != 0) {
                return sdp.connection(m).address().equalsIgnoreCase(address) && media.anchors(m.port());
            }
        }
        return false;
    }
}
