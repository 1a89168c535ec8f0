package org.edgeway.engine.sip.dialog;

import java.util.List;
import java.util.Set;
import org.edgeway.engine.sip.message.Header;
import org.edgeway.engine.sip.message.HeaderNames;
import org.edgeway.engine.sip.message.NameAddr;
import org.edgeway.engine.sip.message.SipMessage;
import org.edgeway.engine.sip.message.SipUri;
import org.edgeway.engine.sip.transport.Flow;

/**
 * One of the two dialogs of a call this node terminates (RFC 3261 12): this node's identity in it, the peer's, the
 * peer's remote target and the route set toward it, and this node's CSeq count. Builds the requests this node sends
 * into the dialog.
 */
final class LegDialog {

    /** Headers a request re-issued in this dialog takes from the dialog, not from the request it maps. */
    private static final Set<String> DIALOG_HEADERS = Set.of(HeaderNames.VIA, HeaderNames.ROUTE,
            HeaderNames.RECORD_ROUTE, HeaderNames.MAX_FORWARDS, HeaderNames.FROM, HeaderNames.TO, HeaderNames.CALL_ID,
            HeaderNames.CSEQ, HeaderNames.CONTACT, HeaderNames.CONTENT_LENGTH);

    final String callId;
    /** This node in the dialog: the From of the requests it sends, with its tag. */
    final NameAddr local;
    final Flow flow;
    /** The peer, with its tag: null until the callee's answer gives it. */
    private NameAddr remote;
    private SipUri target;
    private List<String> routes;
    private long localCseq;
    /** CSeq of the last INVITE this node sent in the dialog: the ACK of its 2xx repeats it. */
    private long inviteCseq;

    LegDialog(String callId, NameAddr local, Flow flow, long firstCseq) {
        this.callId = callId;
        this.local = local;
        this.flow = flow;
        this.localCseq = firstCseq - 1;
    }

    /** The peer's identity, remote target (its Contact) and the route set toward it. */
    synchronized void peer(NameAddr remoteParty, SipUri remoteTarget, List<String> routeSet) {
        remote = remoteParty;
        target = remoteTarget;
        routes = List.copyOf(routeSet);
    }

    /** A target refresh (re-INVITE, UPDATE, or their 2xx) moves the peer's remote target. */
    synchronized void retarget(SipUri remoteTarget) {
        target = remoteTarget;
    }

    synchronized boolean established() {
        return remote != null && target != null;
    }

    synchronized NameAddr remote() {
        return remote;
    }

    /** The next CSeq of a request this node starts in the dialog (an INVITE's is kept for its ACK). */
    synchronized long next(String method) {
        if (method.equals("ACK")) {
            return inviteCseq;
        }
        localCseq++;
        if (method.equals("INVITE")) {
            inviteCseq = localCseq;
        }
        return localCseq;
    }

    /**
     * {@code in} (a request of the other dialog, or null for one this node starts) as a request of this dialog:
     * this node's Via and Contact, the dialog's identifiers, route set and target; the other headers and the body
     * as they came.
     */
    synchronized SipMessage request(String method, SipMessage in, String via, String contact, long cseq) {
        SipMessage out = SipMessage.request(method, target, List.of(), in == null ? new byte[0] : in.body().clone());
        out.addHeader(HeaderNames.VIA, via);
        for (String route : routes) {
            out.addHeader(HeaderNames.ROUTE, route);
        }
        int mf = in == null || in.maxForwards() < 0 ? 70 : in.maxForwards() - 1;
        out.addHeader(HeaderNames.MAX_FORWARDS, String.valueOf(mf));
        out.addHeader(HeaderNames.FROM, local.toString());
        out.addHeader(HeaderNames.TO, remote.toString());
        out.addHeader(HeaderNames.CALL_ID, callId);
        out.addHeader(HeaderNames.CSEQ, cseq + " " + method);
        if (in == null || in.header(HeaderNames.CONTACT) != null) {
            out.addHeader(HeaderNames.CONTACT, contact);
        }
        if (in != null) {
            for (Header h : in.headers()) {
                if (!DIALOG_HEADERS.contains(h.name())) {
                    out.addHeader(h.name(), h.value());
                }
            }
        }
        return out;
    }
}
