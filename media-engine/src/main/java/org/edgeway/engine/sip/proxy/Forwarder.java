package org.edgeway.engine.sip.proxy;

import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.edgeway.engine.sip.dialog.MessageRewrite;
import org.edgeway.engine.sip.message.HeaderNames;
import org.edgeway.engine.sip.message.Responses;
import org.edgeway.engine.sip.message.SipMessage;
import org.edgeway.engine.sip.message.Via;
import org.edgeway.engine.sip.transaction.ClientTransaction;
import org.edgeway.engine.sip.transaction.Sender;
import org.edgeway.engine.sip.transaction.ServerTransaction;
import org.edgeway.engine.sip.transaction.TransactionLayer;
import org.edgeway.engine.sip.transport.Flow;
import org.edgeway.engine.zones.ZoneConfig.Transport;

/**
 * Forwards requests statefully (RFC 3261 16.6): a copy with the new Request-URI, Max-Forwards decremented (and
 * capped by the target zone's hop count), Record-Route for dialog-creating requests, this node's Via with a fresh
 * branch, sent in a client transaction whose responses go back through the server transaction (100 absorbed,
 * 408 on timeout, 503 on a transport error). Also forwards ACKs of 2xx and stray 2xx responses statelessly.
 */
final class Forwarder {

    /**
     * How a forwarded request ended: the final status sent upstream, and the response it came in (null when this
     * node ended it: 408, 503).
     */
    interface Outcome {
        void finished(int status, SipMessage response);
    }

    /** What the proxy keeps with a forwarded INVITE, so a CANCEL can follow it. */
    record Forwarding(ClientTransaction client) {
    }

    private static final List<String> DIALOG_CREATING = List.of("INVITE", "SUBSCRIBE", "REFER", "NOTIFY");

    private final TransactionLayer layer;
    private final LocalIdentity local;
    private final Sender sender;

    Forwarder(TransactionLayer layer, LocalIdentity local, Sender sender) {
        this.layer = layer;
        this.local = local;
        this.sender = sender;
    }

    /**
     * Forwards the request of {@code tx} to {@code target}; {@code done} learns how it ended.
     */
    void forward(ServerTransaction tx, Target target, Outcome done) {
        forward(tx, target, done, MessageRewrite.NONE);
    }

    /** As {@link #forward(ServerTransaction, Target, Outcome)}, with the request and its responses rewritten. */
    void forward(ServerTransaction tx, Target target, Outcome done, MessageRewrite rewrite) {
        SipMessage request = tx.request();
        SipMessage copy = request.copy();
        copy.setRequestUri(target.requestUri());
        int mf = request.maxForwards() < 0 ? 70 : request.maxForwards() - 1;
        if (target.hopCount() > 0) {
            mf = Math.min(mf, target.hopCount());
        }
        copy.setHeader(HeaderNames.MAX_FORWARDS, String.valueOf(mf));
        for (int i = target.routes().size() - 1; i >= 0; i--) {
            copy.pushHeader(HeaderNames.ROUTE, target.routes().get(i));
        }
        Flow flow = target.flow();
        if (request.to().tag() == null && DIALOG_CREATING.contains(request.method())) {
            copy.pushHeader(HeaderNames.RECORD_ROUTE, recordRoute(flow.transport()));
        }
        if (request.method().equals("REGISTER")) {
            // RFC 3327: requests for this registration come back through this node (the E of a traversal pair)
            copy.pushHeader(HeaderNames.PATH, recordRoute(flow.transport()));
        }
        int refused = rewrite.request(copy);
        if (refused != 0) {
            finish(tx, refused, done);
            return;
        }
        copy.pushHeader(HeaderNames.VIA, via(flow.transport()));
        ClientTransaction client = layer.send(copy, flow, new ClientTransaction.Listener() {
            @Override
            public void onResponse(ClientTransaction ctx, SipMessage response) {
                if (response.status() == 100) {
                    return;
                }
                SipMessage up = response.copy();
                up.popHeader(HeaderNames.VIA);
                rewrite.response(up);
                if (response.status() >= 200) {
                    done.finished(response.status(), response); // recorded before the answer leaves
                }
                tx.respond(up);
            }

            @Override
            public void onTimeout(ClientTransaction ctx) {
                finish(tx, 408, done);
            }

            @Override
            public void onTransportError(ClientTransaction ctx, Throwable cause) {
                finish(tx, 503, done);
            }
        });
        tx.context(new Forwarding(client));
    }

    private static void finish(ServerTransaction tx, int status, Outcome done) {
        if (!tx.finalSent()) {
            done.finished(status, null);
            tx.respond(status);
        }
    }

    /** RFC 3261 9.2, 16.10: CANCEL the forwarded INVITE with the same branch, or end it here with 487. */
    void cancel(ServerTransaction invite) {
        if (!(invite.context() instanceof Forwarding f)) {
            invite.respond(487);
            return;
        }
        ClientTransaction client = f.client();
        if (client.done()) {
            return;
        }
        SipMessage out = client.request();
        SipMessage cancel = SipMessage.request("CANCEL", out.requestUri(), List.of(), new byte[0]);
        cancel.addHeader(HeaderNames.VIA, out.header(HeaderNames.VIA));
        for (String route : out.headers(HeaderNames.ROUTE)) {
            cancel.addHeader(HeaderNames.ROUTE, route);
        }
        cancel.addHeader(HeaderNames.MAX_FORWARDS, "70");
        cancel.addHeader(HeaderNames.FROM, out.header(HeaderNames.FROM));
        cancel.addHeader(HeaderNames.TO, out.header(HeaderNames.TO));
        cancel.addHeader(HeaderNames.CALL_ID, out.callId());
        cancel.addHeader(HeaderNames.CSEQ, out.cseq().number() + " CANCEL");
        layer.send(cancel, client.flow(), new ClientTransaction.Listener() {
            @Override
            public void onResponse(ClientTransaction tx, SipMessage response) {
            }

            @Override
            public void onTimeout(ClientTransaction tx) {
            }

            @Override
            public void onTransportError(ClientTransaction tx, Throwable cause) {
            }
        });
    }

    /**
     * Forwards an ACK of a 2xx (a new transaction end to end) without keeping state, its SDP (the answer to an
     * offer in the 2xx) rewritten.
     */
    void forwardStateless(SipMessage request, Flow flow, MessageRewrite rewrite) {
        SipMessage copy = request.copy();
        rewrite.request(copy);
        int mf = request.maxForwards() < 0 ? 70 : request.maxForwards() - 1;
        if (mf < 0) {
            return;
        }
        copy.setHeader(HeaderNames.MAX_FORWARDS, String.valueOf(mf));
        // RFC 3261 16.11: the same ACK always gets the same branch
        String branch = Via.MAGIC_COOKIE + "sl" + Integer.toHexString((request.topVia().branch() + request.callId())
                .hashCode());
        copy.pushHeader(HeaderNames.VIA, "SIP/2.0/" + flow.transport() + " " + local.sentBy(flow.transport())
                + ";branch=" + branch);
        sender.send(copy, flow, e -> { });
    }

    /** A response no transaction knows (a retransmitted 2xx): remove this node's Via and send it on by the next. */
    void forwardResponse(SipMessage response) {
        List<Via> vias = response.vias();
        if (vias.size() < 2 || !local.isOwnVia(vias.get(0))) {
            return; // not sent through this node: nothing to route it by
        }
        SipMessage up = response.copy();
        up.popHeader(HeaderNames.VIA);
        Via next = vias.get(1);
        Transport transport = switch (next.transport()) {
            case "TCP" -> Transport.TCP;
            case "TLS" -> Transport.TLS;
            default -> Transport.UDP;
        };
        String host = next.params().getOrDefault("received", next.host());
        String rport = next.params().get("rport");
        int port = rport != null && !rport.isEmpty() ? Integer.parseInt(rport) : next.port();
        try {
            Flow flow = NextHop.of(host, port, transport);
            sender.send(up, new Flow(transport, new InetSocketAddress(flow.remote().getAddress(),
                    flow.remote().getPort()), null), e -> { });
        } catch (UnknownHostException | NumberFormatException e) {
            // nowhere to send it: dropped, as RFC 3261 18.2.2 allows
        }
    }

    private String via(Transport transport) {
        return "SIP/2.0/" + transport + " " + local.sentBy(transport) + ";branch=" + Via.MAGIC_COOKIE + "ew"
                + Responses.tag() + ";rport";
    }

    private String recordRoute(Transport transport) {
        return "<sip:" + local.sentBy(transport) + ";transport=" + transport.name().toLowerCase() + ";lr>";
    }
}
