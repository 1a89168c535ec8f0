package org.edgeway.engine.sip.dialog;

import org.edgeway.engine.sip.message.HeaderNames;
import org.edgeway.engine.sip.message.SipMessage;

/**
 * The SDP of one transaction of an anchored call as RFC 3264 places it: an INVITE or UPDATE with a body is an offer
 * and its 18x/2xx body the answer; an INVITE without one (late offer, or an offerless re-INVITE) gets the offer in
 * its 2xx and the answer in the ACK.
 */
final class OfferAnswer implements MessageRewrite {

    private final MediaAnchor anchor;
    private final boolean fromCaller;
    private boolean offered;

    /** @param fromCaller the request comes from the caller's side */
    OfferAnswer(MediaAnchor anchor, boolean fromCaller) {
        this.anchor = anchor;
        this.fromCaller = fromCaller;
    }

    /** The rewrite of one request's transaction, NONE when the call's media is not anchored here. */
    static MessageRewrite of(MediaAnchor anchor, boolean fromCaller) {
        return anchor == null ? MessageRewrite.NONE : new OfferAnswer(anchor, fromCaller);
    }

    @Override
    public int request(SipMessage outgoing) {
        String method = outgoing.method();
        if (!isSdp(outgoing)) {
            return 0;
        }
        if (method.equals("INVITE") || method.equals("UPDATE")) {
            offered = true;
            return anchor.offer(outgoing, fromCaller);
        }
        if (method.equals("ACK")) {
            anchor.answer(outgoing, fromCaller); // the answer to the offer of a 2xx
        }
        return 0;
    }

    @Override
    public void response(SipMessage upstream) {
        int status = upstream.status();
        String method = upstream.cseq().method();
        if (status < 180 || status >= 300 || !isSdp(upstream)
                || !(method.equals("INVITE") || method.equals("UPDATE"))) {
            return;
        }
        if (offered) {
            anchor.answer(upstream, !fromCaller);
        } else if (status / 100 == 2 && method.equals("INVITE")) {
            anchor.offer(upstream, !fromCaller); // the offer of a late-offer INVITE; its answer comes in the ACK
        }
    }

    static boolean isSdp(SipMessage m) {
        String type = m.header(HeaderNames.CONTENT_TYPE);
        return m.body().length > 0 && type != null && type.toLowerCase().startsWith("application/sdp");
    }
}
