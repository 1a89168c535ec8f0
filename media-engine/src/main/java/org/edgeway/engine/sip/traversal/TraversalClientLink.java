package org.edgeway.engine.sip.traversal;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.Function;
import org.edgeway.engine.sip.auth.DigestResponse;
import org.edgeway.engine.sip.message.HeaderNames;
import org.edgeway.engine.sip.message.Responses;
import org.edgeway.engine.sip.message.SipMessage;
import org.edgeway.engine.sip.message.SipUri;
import org.edgeway.engine.sip.transaction.ClientTransaction;
import org.edgeway.engine.sip.transaction.Timers;
import org.edgeway.engine.sip.transaction.TransactionLayer;
import org.edgeway.engine.sip.transport.Flow;
import org.edgeway.engine.sip.transport.SipTransports;
import org.edgeway.engine.zones.ZoneConfig;
import org.edgeway.engine.zones.ZoneConfig.Transport;

/**
 * The client end of a traversal zone (the Expressway-C): connects out over TLS to the server zone's port,
 * authenticates with a digest-answered OPTIONS, repeats that OPTIONS every keep-alive interval, and reconnects with
 * exponential back-off (1 s doubling to 60 s) whenever the connection fails or is lost. Requests for the zone go
 * down this connection, and the server's requests for this side come up it.
 */
final class TraversalClientLink {

    static final long FIRST_RETRY_MILLIS = 1_000;
    static final long MAX_RETRY_MILLIS = 60_000;

    private final ZoneConfig zone;
    private final SslContext tls;
    private final SipTransports transports;
    private final TransactionLayer layer;
    private final Timers timers;
    private final Function<Transport, String> sentBy;
    private final String peer;
    private final String callId = "traversal-" + Responses.tag();
    private volatile ZoneState state;
    private volatile Channel channel;
    private Timers.Timer timer;
    private boolean stopped;
    private long retry = FIRST_RETRY_MILLIS;
    private int cseq;
    private int nonceCount;
    private List<String> challenges = List.of();
    private String answeredNonce;

    TraversalClientLink(ZoneConfig zone, SslContext tls, SipTransports transports, TransactionLayer layer,
            Timers timers, Function<Transport, String> sentBy) {
        this.zone = zone;
        this.tls = tls;
        this.transports = transports;
        this.layer = layer;
        this.timers = timers;
        this.sentBy = sentBy;
        this.peer = zone.peers().isEmpty() ? null : zone.peers().get(0) + ":" + zone.port();
        this.state = ZoneState.checking(peer, "Connecting");
    }

    ZoneState state() {
        return state;
    }

    /** The authenticated connection, or null. */
    Flow flow() {
        Channel c = channel;
        return "Active".equals(state.state()) && c != null && c.isActive()
                ? new Flow(Transport.TLS, (InetSocketAddress) c.remoteAddress(), c) : null;
    }

    synchronized void start() {
        connect();
    }

    private synchronized void connect() {
        if (stopped) {
            return;
        }
        if (peer == null) {
            state = ZoneState.failed(null, "No peer address configured");
            return;
        }
        Flow target;
        try {
            target = new Flow(Transport.TLS, new InetSocketAddress(InetAddress.getByName(zone.peers().get(0)),
                    zone.port()), null);
        } catch (java.net.UnknownHostException e) {
            fail("Cannot resolve " + zone.peers().get(0));
            return;
        }
        String expected = zone.tlsVerify() ? expectedName() : null;
        transports.openZoneConnection(target, tls, zone.name(), ssl -> TraversalTls.checkSubject(ssl, expected))
                .addListener(f -> {
                    if (f.isSuccess()) {
                        connected((Channel) f.getNow());
                    } else {
                        Throwable cause = f.cause();
                        String why = cause.getMessage() != null && cause.getMessage().startsWith("TLS verify")
                                ? cause.getMessage() : cause instanceof javax.net.ssl.SSLException
                                        ? "TLS verify failed: " + cause.getMessage()
                                        : "Connection failed: " + cause.getMessage();
                        fail(why);
                    }
                });
    }

    private String expectedName() {
        String name = zone.tlsVerifySubjectName();
        return name == null || name.isBlank() ? zone.peers().get(0) : name;
    }

    private synchronized void connected(Channel ch) {
        if (stopped) {
            ch.close();
            return;
        }
        channel = ch;
        state = ZoneState.checking(peer, "Authenticating");
        ch.closeFuture().addListener(f -> lost(ch));
        probe();
    }

    private synchronized void lost(Channel ch) {
        if (channel == ch && !stopped) {
            channel = null;
            if (!"Failed".equals(state.state())) {
                fail("Connection lost");
            }
        }
    }

    /** The OPTIONS that authenticates the link and keeps it alive. */
    private synchronized void probe() {
        Channel ch = channel;
        if (stopped || ch == null) {
            return;
        }
        String target = "sip:" + peer;
        SipMessage options = SipMessage.request("OPTIONS", parse(target), List.of(), new byte[0]);
        options.addHeader(HeaderNames.VIA, "SIP/2.0/TLS " + sentBy.apply(Transport.TLS) + ";branch=z9hG4bKtr"
                + Responses.tag());
        options.addHeader(HeaderNames.MAX_FORWARDS, "70");
        options.addHeader(HeaderNames.FROM, "<sip:" + zone.username() + "@" + peer + ">;tag=" + Responses.tag());
        options.addHeader(HeaderNames.TO, "<" + target + ">");
        options.addHeader(HeaderNames.CALL_ID, callId);
        options.addHeader(HeaderNames.CSEQ, ++cseq + " OPTIONS");
        String auth = challenges.isEmpty() ? null : DigestResponse.answer(challenges, zone.username(),
                zone.password() == null ? "" : zone.password(), "OPTIONS", target, ++nonceCount, Responses.tag());
        if (auth != null) {
            options.addHeader(HeaderNames.AUTHORIZATION, auth);
        }
        Flow flow = new Flow(Transport.TLS, (InetSocketAddress) ch.remoteAddress(), ch);
        layer.send(options, flow, new ClientTransaction.Listener() {
            @Override
            public void onResponse(ClientTransaction tx, SipMessage response) {
                answered(response);
            }

            @Override
            public void onTimeout(ClientTransaction tx) {
                failAndClose("No response from the traversal server");
            }

            @Override
            public void onTransportError(ClientTransaction tx, Throwable cause) {
                failAndClose("Connection lost");
            }
        });
    }

    private synchronized void answered(SipMessage response) {
        int status = response.status();
        if (status < 200) {
            return;
        }
        if (status == 200) {
            state = "Active".equals(state.state()) ? state : ZoneState.active(peer);
            retry = FIRST_RETRY_MILLIS;
            schedule(zone.keepAliveInterval().toMillis(), this::probe);
            return;
        }
        if (status == 401) {
            List<String> next = response.headers(HeaderNames.WWW_AUTHENTICATE);
            String nonce = DigestResponse.nonce(next);
            boolean stale = next.stream().anyMatch(c -> c.contains("stale=true"));
            if (nonce != null && nonce.equals(answeredNonce) && !stale) {
                failAndClose("Authentication failed");
                return;
            }
            challenges = next;
            answeredNonce = nonce;
            nonceCount = 0;
            probe();
            return;
        }
        failAndClose(status == 403 ? "Authentication failed" : "Traversal server answered " + status);
    }

    private synchronized void failAndClose(String why) {
        fail(why);
        Channel ch = channel;
        channel = null;
        if (ch != null) {
            ch.close();
        }
    }

    private synchronized void fail(String why) {
        if (stopped) {
            return;
        }
        state = ZoneState.failed(peer, why);
        challenges = List.of();
        answeredNonce = null;
        long delay = retry;
        retry = Math.min(retry * 2, MAX_RETRY_MILLIS);
        schedule(delay, this::connect);
    }

    private void schedule(long millis, Runnable task) {
        if (timer != null) {
            timer.cancel();
        }
        timer = timers.schedule(millis, task);
    }

    synchronized void stop() {
        stopped = true;
        if (timer != null) {
            timer.cancel();
        }
        Channel ch = channel;
        channel = null;
        if (ch != null) {
            ch.close();
        }
    }

    private static SipUri parse(String text) {
        try {
            return SipUri.parse(text);
        } catch (org.edgeway.engine.sip.message.SipParseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
