package org.edgeway.engine.sip.transaction;

import org.edgeway.engine.sip.message.CSeq;
import org.edgeway.engine.sip.message.Header;
import org.edgeway.engine.sip.message.HeaderNames;
import org.edgeway.engine.sip.message.SipMessage;
import org.edgeway.engine.sip.transport.Flow;

/**
 * A client transaction (RFC 3261 17.1): retransmits over UDP (Timer A for INVITE, E otherwise), times out (B, F;
 * Timer C once an INVITE is proceeding), acknowledges a non-2xx final INVITE response itself and absorbs its
 * retransmissions (Timer D), and reports responses, timeouts and transport errors to its {@link Listener}.
 */
public final class ClientTransaction {

    /** The transaction user's side. Called at most once with a final outcome. */
    public interface Listener {
        void onResponse(ClientTransaction tx, SipMessage response);

        /** No final response in time (408 to report upstream). */
        void onTimeout(ClientTransaction tx);

        /** The request could not be sent (503 to report upstream). */
        void onTransportError(ClientTransaction tx, Throwable cause);
    }

    enum State { CALLING, PROCEEDING, COMPLETED, TERMINATED }

    private final TransactionLayer layer;
    final String key;
    private final SipMessage request;
    private final Flow flow;
    private final Listener listener;
    private final boolean invite;
    private State state = State.CALLING;
    private Timers.Timer retransmit;
    private Timers.Timer timeout;
    private long interval;
    private SipMessage ack;

    ClientTransaction(TransactionLayer layer, String key, SipMessage request, Flow flow, Listener listener) {
        this.layer = layer;
        this.key = key;
        this.request = request;
        this.flow = flow;
        this.listener = listener;
        this.invite = request.method().equals("INVITE");
    }

    public SipMessage request() {
        return request;
    }

    public Flow flow() {
        return flow;
    }

    synchronized void start() {
        send(request);
        TimerValues t = layer.values();
        if (!flow.reliable()) {
            interval = t.t1();
            retransmit = layer.timers().schedule(interval, this::retransmit);
        }
        timeout = layer.timers().schedule(t.transactionTimeout(), this::timedOut);
    }

    private void send(SipMessage m) {
        layer.sender().send(m, flow, this::transportError);
    }

    private synchronized void retransmit() {
        if (state == State.TERMINATED || state == State.COMPLETED || invite && state == State.PROCEEDING) {
            return;
        }
        send(request);
        interval = invite ? interval * 2 : Math.min(interval * 2, layer.values().t2()); // Timer A doubles, E caps
        retransmit = layer.timers().schedule(interval, this::retransmit);
    }

    synchronized void onResponse(SipMessage response) {
        int status = response.status();
        if (state == State.TERMINATED) {
            return;
        }
        if (state == State.COMPLETED) {
            if (ack != null) {
                send(ack); // a retransmitted final response: the ACK got lost
            }
            return;
        }
        if (status < 200) {
            if (state == State.CALLING) {
                state = State.PROCEEDING;
                if (invite) {
                    cancel(retransmit);
                    cancel(timeout);
                    timeout = layer.timers().schedule(TimerValues.TIMER_C, this::timedOut);
                }
            }
            listener.onResponse(this, response);
            return;
        }
        cancel(retransmit);
        cancel(timeout);
        if (invite && status >= 300) {
            ack = ackFor(response);
            send(ack);
        }
        if (flow.reliable() || invite && status < 300) {
            terminate();
        } else {
            state = State.COMPLETED;
            timeout = layer.timers().schedule(invite ? 32_000 : layer.values().t4(), this::terminate); // D, K
        }
        listener.onResponse(this, response);
    }

    /** RFC 3261 17.1.1.3: the ACK for a non-2xx final response belongs to the INVITE's transaction. */
    private SipMessage ackFor(SipMessage response) {
        SipMessage a = SipMessage.request("ACK", request.requestUri(), java.util.List.of(), new byte[0]);
        a.addHeader(HeaderNames.VIA, request.header(HeaderNames.VIA));
        for (Header h : request.headers()) {
            if (h.name().equals(HeaderNames.ROUTE)) {
                a.addHeader(h.name(), h.value());
            }
        }
        a.addHeader(HeaderNames.MAX_FORWARDS, "70");
        a.addHeader(HeaderNames.FROM, request.header(HeaderNames.FROM));
        a.addHeader(HeaderNames.TO, response.header(HeaderNames.TO));
        a.addHeader(HeaderNames.CALL_ID, request.callId());
        a.addHeader(HeaderNames.CSEQ, new CSeq(request.cseq().number(), "ACK").toString());
        return a;
    }

    private synchronized void timedOut() {
        if (state == State.CALLING || state == State.PROCEEDING) {
            terminate();
            listener.onTimeout(this);
        }
    }

    private void transportError(Throwable cause) {
        synchronized (this) {
            if (state == State.TERMINATED || state == State.COMPLETED) {
                return;
            }
            terminate();
        }
        listener.onTransportError(this, cause);
    }

    /** Whether a final response arrived or the transaction ended. */
    public synchronized boolean done() {
        return state == State.COMPLETED || state == State.TERMINATED;
    }

    synchronized void terminate() {
        state = State.TERMINATED;
        cancel(retransmit);
        cancel(timeout);
        layer.remove(this);
    }

    private static void cancel(Timers.Timer t) {
        if (t != null) {
            t.cancel();
        }
    }
}
