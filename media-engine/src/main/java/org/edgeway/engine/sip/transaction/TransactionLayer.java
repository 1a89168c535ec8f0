package org.edgeway.engine.sip.transaction;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.edgeway.engine.sip.message.HeaderNames;
import org.edgeway.engine.sip.message.Responses;
import org.edgeway.engine.sip.message.SipMessage;
import org.edgeway.engine.sip.message.Via;
import org.edgeway.engine.sip.transport.Flow;

/**
 * Matches requests and responses to transactions (RFC 3261 17.1.3, 17.2.3, with the RFC 2543 fallback for
 * branches without the magic cookie) and hands what is new to the transaction user. Detects merged requests
 * (8.2.2.2: same From tag, Call-ID, CSeq and Request-URI on a new branch) and answers 482.
 */
public final class TransactionLayer {

    /** The transaction user: proxy and registrar. */
    public interface User {
        /** A new request in its server transaction (ACK for a non-2xx and retransmissions never get here). */
        void onRequest(ServerTransaction tx);

        /** An ACK that matched no transaction (the ACK of a 2xx, end to end). */
        void onStrayAck(SipMessage ack, Flow flow);

        /** A response that matched no client transaction (a retransmitted or forked 2xx). */
        void onStrayResponse(SipMessage response);
    }

    /** Longest a server transaction may wait for its user's final response. */
    static final long SAFETY_MILLIS = TimerValues.TIMER_C + 60_000;

    private final Timers timers;
    private final TimerValues values;
    private final Sender sender;
    private volatile User user;
    private final Map<String, ServerTransaction> servers = new ConcurrentHashMap<>();
    private final Map<String, ClientTransaction> clients = new ConcurrentHashMap<>();
    private final Map<String, String> merges = new ConcurrentHashMap<>();

    public TransactionLayer(Timers timers, TimerValues values, Sender sender) {
        this.timers = timers;
        this.values = values;
        this.sender = sender;
    }

    public void user(User value) {
        this.user = value;
    }

    Timers timers() {
        return timers;
    }

    TimerValues values() {
        return values;
    }

    /** How this layer sends; also for requests outside any transaction (the ACK of a 2xx). */
    public Sender sender() {
        return sender;
    }

    public void onRequest(SipMessage request, Flow flow) {
        boolean ack = request.method().equals("ACK");
        String key = serverKey(request, ack ? "INVITE" : request.method());
        ServerTransaction existing = servers.get(key);
        if (existing != null) {
            if (ack) {
                existing.onAck();
            } else {
                existing.onRetransmission();
            }
            return;
        }
        if (ack) {
            user.onStrayAck(request, flow);
            return;
        }
        ServerTransaction tx = new ServerTransaction(this, key, request, flow);
        String merge = request.to().tag() == null && !request.method().equals("CANCEL") ? mergeKey(request) : null;
        if (merge != null) {
            String other = merges.putIfAbsent(merge, key);
            if (other != null && !other.equals(key) && servers.containsKey(other)) {
                servers.put(key, tx);
                tx.respond(Responses.to(request, 482, "Loop Detected"));
                return;
            }
            tx.mergeKey = merge;
        }
        servers.put(key, tx);
        if (tx.isInvite()) {
            tx.respond(100);
        }
        user.onRequest(tx);
        // armed after the user: most requests (REGISTER, OPTIONS, refusals) are answered in onRequest, and then
        // Timer J/H has replaced the need for it, so it is not scheduled only to be cancelled
        tx.armSafety(SAFETY_MILLIS);
    }

    public void onResponse(SipMessage response, Flow flow) {
        Via via = response.topVia();
        ClientTransaction tx = clients.get(clientKey(via.branch(), response.cseq().method()));
        if (tx != null) {
            tx.onResponse(response);
        } else {
            user.onStrayResponse(response);
        }
    }

    /** Starts a client transaction for a request whose top Via (with a fresh branch) this node has added. */
    public ClientTransaction send(SipMessage request, Flow flow, ClientTransaction.Listener listener) {
        String key = clientKey(request.topVia().branch(), request.method());
        ClientTransaction tx = new ClientTransaction(this, key, request, flow, listener);
        clients.put(key, tx);
        tx.start();
        return tx;
    }

    /** The INVITE server transaction a CANCEL refers to (same branch, 9.2), or null. */
    public ServerTransaction inviteFor(SipMessage cancel) {
        return servers.get(serverKey(cancel, "INVITE"));
    }

    void remove(ServerTransaction tx) {
        servers.remove(tx.key, tx);
        forgetMerge(tx);
    }

    /** Takes the transaction out of the merge table: later copies of its request are no longer merged with it. */
    void forgetMerge(ServerTransaction tx) {
        if (tx.mergeKey != null) {
            merges.remove(tx.mergeKey, tx.key);
            tx.mergeKey = null;
        }
    }

    void remove(ClientTransaction tx) {
        clients.remove(tx.key, tx);
    }

    public int serverCount() {
        return servers.size();
    }

    public int clientCount() {
        return clients.size();
    }

    private static String serverKey(SipMessage request, String method) {
        Via via = request.topVia();
        if (via.hasMagicCookie()) {
            return via.branch() + "|" + via.sentBy() + "|" + method;
        }
        // RFC 2543 (17.2.3): Request-URI, From tag, Call-ID, CSeq number and top Via identify the transaction
        return "2543|" + request.requestUri() + "|" + request.from().tag() + "|" + request.callId() + "|"
                + request.cseq().number() + "|" + request.header(HeaderNames.VIA) + "|" + method;
    }

    private static String mergeKey(SipMessage request) {
        return request.from().tag() + "|" + request.callId() + "|" + request.cseq() + "|" + request.requestUri();
    }

    private static String clientKey(String branch, String method) {
        return branch + "|" + method;
    }
}
