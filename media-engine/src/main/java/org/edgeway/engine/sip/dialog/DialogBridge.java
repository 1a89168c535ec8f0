package org.edgeway.engine.sip.dialog;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.edgeway.engine.sip.message.Header;
import org.edgeway.engine.sip.message.HeaderNames;
import org.edgeway.engine.sip.message.NameAddr;
import org.edgeway.engine.sip.message.Responses;
import org.edgeway.engine.sip.message.SipMessage;
import org.edgeway.engine.sip.message.SipUri;
import org.edgeway.engine.sip.message.Via;
import org.edgeway.engine.sip.transaction.ClientTransaction;
import org.edgeway.engine.sip.transaction.ServerTransaction;
import org.edgeway.engine.sip.transaction.TransactionLayer;
import org.edgeway.engine.sip.transport.Flow;
import org.edgeway.engine.zones.ZoneConfig.Transport;

/**
 * The two dialogs of a call this node terminates as a B2BUA (RFC 7092 3.1.3, a signalling B2BUA that relays
 * media): toward the caller it is the UAS of the caller's dialog (the caller's Call-ID and tags, a To tag and
 * Contact of its own), toward the callee the UAC of a dialog of its own (its Call-ID, From tag, CSeq numbering,
 * Contact and only its Via; the caller's Via, Record-Route and Contact stay on the caller's side). Requests inside
 * either dialog are re-issued in the other with that dialog's CSeq, route set and target, their responses mapped
 * back; the SDP of each is left to the call's {@link MessageRewrite}.
 */
final class DialogBridge {

    /** Headers a response mapped back takes from the request it answers. */
    private static final List<String> ANSWERED = List.of(HeaderNames.VIA, HeaderNames.FROM, HeaderNames.TO,
            HeaderNames.CALL_ID, HeaderNames.CSEQ, HeaderNames.RECORD_ROUTE);

    private final TransactionLayer layer;
    private final Function<Transport, String> sentBy;
    /** The initial INVITE as it arrived: the responses to it carry its Via, From, To, Call-ID and CSeq. */
    private final SipMessage invite;
    /** The caller's dialog: this node is its UAS. */
    final LegDialog caller;
    /** This node's dialog with the callee: this node is its UAC. */
    final LegDialog callee;

    DialogBridge(ServerTransaction tx, Flow calleeFlow, TransactionLayer layer, Function<Transport, String> sentBy) {
        this.layer = layer;
        this.sentBy = sentBy;
        this.invite = tx.request();
        NameAddr from = invite.from();
        caller = new LegDialog(invite.callId(), invite.to().withParam("tag", Responses.tag()), tx.flow(), 1);
        caller.peer(from, targetOf(invite), invite.headers(HeaderNames.RECORD_ROUTE));
        callee = new LegDialog(UUID.randomUUID().toString(), new NameAddr(from.displayName(), from.uri(),
                java.util.Map.of()).withParam("tag", Responses.tag()), calleeFlow,
                ThreadLocalRandom.current().nextInt(1, 1 << 16));
    }

    /** The key the callee's requests find the call by: this node's Call-ID and tag in its dialog. */
    String calleeKey() {
        return callee.callId + ';' + callee.local.tag();
    }

    /** The initial INVITE as this node's own toward the callee, and its responses as the caller's dialog's. */
    MessageRewrite initialInvite(MessageRewrite sdp) {
        return new MessageRewrite() {
            @Override
            public int request(SipMessage out) {
                out.setHeader(HeaderNames.CALL_ID, callee.callId);
                out.setHeader(HeaderNames.FROM, callee.local.toString());
                out.setHeader(HeaderNames.CSEQ, callee.next("INVITE") + " INVITE");
                out.setHeader(HeaderNames.CONTACT, contact());
                out.removeHeaders(HeaderNames.VIA); // the Forwarder adds this node's
                out.removeHeaders(HeaderNames.RECORD_ROUTE);
                return sdp.request(out);
            }

            @Override
            public void response(SipMessage up) {
                if (up.status() / 100 == 2) {
                    List<String> routes = new ArrayList<>(up.headers(HeaderNames.RECORD_ROUTE));
                    java.util.Collections.reverse(routes); // RFC 3261 12.1.2: the UAC's route set is reversed
                    callee.peer(up.to(), targetOf(up), routes);
                }
                answering(up, invite, caller.local.toString());
                sdp.response(up);
            }
        };
    }

    /**
     * A request inside one of the dialogs, re-issued in the other; its responses come back on {@code tx}. A
     * request the other dialog cannot take yet (before the callee's answer) gets 481.
     */
    void forward(ServerTransaction tx, boolean fromCaller, MessageRewrite sdp) {
        SipMessage in = tx.request();
        LegDialog from = fromCaller ? caller : callee;
        LegDialog to = fromCaller ? callee : caller;
        if (!to.established()) {
            tx.respond(Responses.to(in, 481, "Call/Transaction Does Not Exist - dialog not yet established"));
            return;
        }
        retarget(from, in);
        SipMessage out = to.request(in.method(), in, via(to.flow), contact(), to.next(in.method()));
        int refused = sdp.request(out);
        if (refused != 0) {
            tx.respond(refused);
            return;
        }
        layer.send(out, to.flow, new ClientTransaction.Listener() {
            @Override
            public void onResponse(ClientTransaction ctx, SipMessage response) {
                if (response.status() == 100) {
                    return;
                }
                SipMessage up = response.copy();
                if (response.status() / 100 == 2) {
                    retarget(to, response);
                }
                answering(up, in, in.header(HeaderNames.TO));
                sdp.response(up);
                tx.respond(up);
            }

            @Override
            public void onTimeout(ClientTransaction ctx) {
                tx.respond(408);
            }

            @Override
            public void onTransportError(ClientTransaction ctx, Throwable cause) {
                tx.respond(503);
            }
        });
    }

    /** The ACK of a 2xx, re-issued in the other dialog for the INVITE this node sent there (no transaction). */
    void ack(SipMessage in, boolean fromCaller, MessageRewrite sdp) {
        LegDialog to = fromCaller ? callee : caller;
        if (!to.established()) {
            return;
        }
        SipMessage out = to.request("ACK", in, via(to.flow), contact(), to.next("ACK"));
        sdp.request(out);
        layer.sender().send(out, to.flow, e -> { });
    }

    /** A BYE from this node into one dialog (the console, a media timeout, maintenance). */
    void bye(boolean towardCaller, ClientTransaction.Listener ignore) {
        LegDialog to = towardCaller ? caller : callee;
        if (to.established()) {
            layer.send(to.request("BYE", null, via(to.flow), contact(), to.next("BYE")), to.flow, ignore);
        }
    }

    /** A 2xx to a target refresh (or the refresh itself) moves that side's remote target. */
    private static void retarget(LegDialog side, SipMessage m) {
        String method = m.cseq().method();
        if ((method.equals("INVITE") || method.equals("UPDATE")) && m.header(HeaderNames.CONTACT) != null) {
            SipUri target = targetOf(m);
            if (target != null) {
                side.retarget(target);
            }
        }
    }

    /**
     * A response from one dialog made the answer to {@code request} of the other: its Via, From, Call-ID, CSeq
     * and Record-Route, {@code to} (with this node's tag), and this node's Contact.
     */
    private void answering(SipMessage response, SipMessage request, String to) {
        boolean contact = response.header(HeaderNames.CONTACT) != null;
        for (String name : ANSWERED) {
            response.removeHeaders(name);
        }
        response.removeHeaders(HeaderNames.CONTACT);
        for (Header h : request.headers()) {
            boolean keep = ANSWERED.contains(h.name()) && !h.name().equals(HeaderNames.TO);
            if (h.name().equals(HeaderNames.RECORD_ROUTE)) {
                keep = request.to().tag() == null && response.status() > 100 && response.status() < 300;
            }
            if (keep) {
                response.addHeader(h.name(), h.value());
            }
        }
        response.addHeader(HeaderNames.TO, to);
        if (contact) {
            response.addHeader(HeaderNames.CONTACT, contact());
        }
    }

    /** The remote target a message's Contact names, or null. */
    private static SipUri targetOf(SipMessage m) {
        return m.nameAddrs(HeaderNames.CONTACT).stream().findFirst().map(NameAddr::uri).orElse(null);
    }

    private String via(Flow flow) {
        Transport t = flow.transport();
        return "SIP/2.0/" + t + " " + sentBy.apply(t) + ";branch=" + Via.MAGIC_COOKIE + "ewb2b" + Responses.tag()
                + ";rport";
    }

    /**
     * This node as the remote target of both dialogs: its listener for the callee leg's transport, the address a
     * proxying node's Record-Route names (a C need not listen on the traversal zone's transport, and the E reaches
     * it by that address).
     */
    private String contact() {
        Transport t = callee.flow.transport();
        return "<sip:" + sentBy.apply(t) + ";transport=" + t.name().toLowerCase() + ">";
    }
}
