package org.edgeway.engine.sip.transaction;

import java.net.InetSocketAddress;
import org.edgeway.engine.sip.message.Responses;
import org.edgeway.engine.sip.message.SipMessage;
import org.edgeway.engine.sip.message.Via;
import org.edgeway.engine.sip.transport.Flow;
import org.edgeway.engine.zones.ZoneConfig.Transport;

/**
 * A server transaction (RFC 3261 17.2): absorbs retransmitted requests by resending the last response, sends 100
 * Trying for INVITE, retransmits a non-2xx final INVITE response over UDP until the ACK (Timer G, H, I) and lingers
 * after a non-INVITE final response (Timer J).
 */
public final class ServerTransaction {

    enum State { PROCEEDING, COMPLETED, CONFIRMED, TERMINATED }

    private final TransactionLayer layer;
    final String key;
    /** Set while this transaction holds its entry in the layer's merge table (8.2.2.2). */
    String mergeKey;
    /** Dropped once a non-INVITE is completed: only its key and response bytes linger for Timer J. */
    private SipMessage request;
    private final Flow flow;
    private final boolean invite;
    private State state = State.PROCEEDING;
    /** The last response as sent, for retransmissions. */
    private byte[] last;
    private Timers.Timer retransmit;
    private Timers.Timer expiry;
    private long interval;
    /** What the transaction user keeps with the transaction (the proxy's forwarding state). */
    private volatile Object context;

    ServerTransaction(TransactionLayer layer, String key, SipMessage request, Flow flow) {
        this.layer = layer;
        this.key = key;
        this.request = request;
        this.flow = responseFlow(request, flow);
        this.invite = request.method().equals("INVITE");
    }

    /**
     * Where responses go (RFC 3261 18.2.2, RFC 3581 4): back on the connection; over UDP to the source address
     * when rport was asked for, else to the source IP at the Via port.
     */
    private static Flow responseFlow(SipMessage request, Flow flow) {
        if (flow.transport() != Transport.UDP) {
            return flow;
        }
        Via via = request.topVia();
        if (via.params().containsKey("rport")) {
            return flow;
        }
        int port = via.port() < 0 ? 5060 : via.port();
        return new Flow(flow.transport(), new InetSocketAddress(flow.remote().getAddress(), port), flow.channel());
    }

    /** The request; null once a non-INVITE transaction is completed (its user has answered and is done). */
    public SipMessage request() {
        return request;
    }

    /** The flow the request arrived on. */
    public Flow flow() {
        return flow;
    }

    public boolean isInvite() {
        return invite;
    }

    public Object context() {
        return context;
    }

    public void context(Object value) {
        this.context = value;
    }

    public synchronized boolean finalSent() {
        return state != State.PROCEEDING;
    }

    public synchronized void respond(int status) {
        if (request != null) {
            respond(Responses.to(request, status));
        }
    }

    /** Sends a response; a second final response is ignored (the first one won). */
    public synchronized void respond(SipMessage response) {
        if (state != State.PROCEEDING) {
            return;
        }
        last = layer.sender().encode(response);
        send();
        if (response.status() < 200) {
            return;
        }
        TimerValues t = layer.values();
        if (invite && response.status() < 300) {
            // RFC 6026 Accepted: absorb INVITE retransmissions; further 2xx pass statelessly
            state = State.CONFIRMED;
            cancelExpiry();
            expiry = layer.timers().schedule(t.transactionTimeout(), this::terminate);
            return;
        }
        state = State.COMPLETED;
        cancelExpiry();
        if (invite) {
            if (!flow.reliable()) {
                interval = t.t1();
                retransmit = layer.timers().schedule(interval, this::retransmitFinal);
            }
            expiry = layer.timers().schedule(t.transactionTimeout(), this::terminate); // Timer H
        } else {
            // Timer J keeps 64*T1 of absorbed retransmissions on UDP, thousands of them at a busy registrar: keep
            // what a retransmission needs (key, flow, response bytes), not the request, its merge entry or context
            request = null;
            context = null;
            layer.forgetMerge(this);
            expiry = layer.timers().schedule(flow.reliable() ? 0 : t.transactionTimeout(), this::terminate); // J
        }
    }

    /**
     * Answers without keeping the transaction (RFC 3261 8.2.7): for challenges, so that a flood of unauthenticated
     * requests creates no state; a retransmitted request is simply challenged again. Non-INVITE only: the ACK of
     * a non-2xx INVITE response needs its transaction.
     */
    public synchronized void respondStatelessly(SipMessage response) {
        if (invite) {
            respond(response);
            return;
        }
        if (state != State.PROCEEDING) {
            return;
        }
        layer.sender().send(response, flow, e -> { });
        terminate();
    }

    private void send() {
        layer.sender().send(last, flow, e -> terminate());
    }

    synchronized void onRetransmission() {
        if (last != null) {
            send();
        }
    }

    /** An ACK for a non-2xx final response. */
    synchronized void onAck() {
        if (state == State.COMPLETED && invite) {
            state = State.CONFIRMED;
            cancelRetransmit();
            cancelExpiry();
            expiry = layer.timers().schedule(flow.reliable() ? 0 : layer.values().t4(), this::terminate); // I
        }
    }

    private synchronized void retransmitFinal() {
        if (state != State.COMPLETED) {
            return;
        }
        send();
        interval = Math.min(interval * 2, layer.values().t2());
        retransmit = layer.timers().schedule(interval, this::retransmitFinal); // Timer G
    }

    /** Forgets a request its user will not answer (beyond a rate limit) instead of holding it to the safety timeout. */
    public synchronized void dropUnanswered() {
        if (state == State.PROCEEDING) {
            terminate();
        }
    }

    /** Starts the safety expiry for a transaction the user has not answered yet (and might never). */
    synchronized void armSafety(long millis) {
        if (state != State.PROCEEDING) {
            return;
        }
        expiry = layer.timers().schedule(millis, () -> {
            synchronized (this) {
                if (state == State.PROCEEDING) {
                    terminate();
                }
            }
        });
    }

    synchronized void terminate() {
        state = State.TERMINATED;
        cancelRetransmit();
        cancelExpiry();
        layer.remove(this);
    }

    private void cancelRetransmit() {
        if (retransmit != null) {
            retransmit.cancel();
            retransmit = null;
        }
    }

    private void cancelExpiry() {
        if (expiry != null) {
            expiry.cancel();
            expiry = null;
        }
    }
}
