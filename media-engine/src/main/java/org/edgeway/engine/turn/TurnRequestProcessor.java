package org.edgeway.engine.turn;

import io.netty.buffer.ByteBuf;
import java.time.Instant;
import org.edgeway.engine.EngineEvent;
import org.edgeway.engine.net.RateLimiter;
import org.edgeway.engine.stun.StunDecoder;
import org.edgeway.engine.stun.StunDecoderException;
import org.edgeway.engine.stun.StunEncoder;
import org.edgeway.engine.stun.StunErrorCode;
import org.edgeway.engine.stun.StunMessage;
import org.edgeway.engine.stun.StunMethod;
import org.edgeway.engine.stun.attribute.SoftwareAttribute;
import org.edgeway.engine.stun.attribute.UnknownAttributesAttribute;
import org.edgeway.engine.stun.attribute.XorMappedAddressAttribute;

/**
 * TURN request processing (RFC 8656) for one server: decodes, authenticates and answers Binding, and hands
 * Allocate, Refresh, CreatePermission and ChannelBind to their {@link MethodHandler}s (Send indications and
 * ChannelData take the {@link RelayFastPath}). Called on the client's event loop; never throws for bad input (it is answered
 * 400 or dropped, and counted).
 */
final class TurnRequestProcessor {

    private static final java.util.logging.Logger LOG =
            java.util.logging.Logger.getLogger(TurnRequestProcessor.class.getName());

    private final TurnServer server;
    private final TurnConfig config;
    private final TurnAuthenticator auth;
    private final RateLimiter limiter;
    private final StunDecoder decoder;
    private final SoftwareAttribute software = new SoftwareAttribute(TurnServer.SOFTWARE);
    private final MethodHandler allocate;
    private final MethodHandler refresh;
    private final MethodHandler createPermission;
    private final MethodHandler channelBind;

    TurnRequestProcessor(TurnServer server) {
        this.server = server;
        this.config = server.config;
        this.limiter = new RateLimiter(config.unauthorizedPerSecond());
        NonceManager nonces = new NonceManager(config.nonceLifetime().toMillis(), TurnAuthenticator.FEATURES,
                System::currentTimeMillis);
        this.auth = new TurnAuthenticator(config, nonces, limiter, server.counters, System::currentTimeMillis,
                client -> server.emit(new EngineEvent.AuthenticationFailed(Instant.now(), "TURN",
                        client.getHostAddress())));
        this.decoder = new StunDecoder(Math.max(server.maxDatagramSize, 548) + StunDecoder.MAX_ATTRIBUTES);
        this.allocate = new AllocateHandler(server, this);
        this.refresh = new RefreshHandler(server);
        this.createPermission = new CreatePermissionHandler(server);
        this.channelBind = new ChannelBindHandler(server);
    }

    void updateCredentials(TurnConfig next) {
        auth.update(next);
    }

    void purge(long nowNanos) {
        limiter.purge(nowNanos);
    }

    // ------------------------------------------------------------------ STUN messages

    /** A STUN message other than a Send indication (those take {@link #relaySend}). */
    void onStun(ClientTransport client, ByteBuf buf) {
        StunMessage msg;
        try {
            msg = decoder.decode(buf);
        } catch (StunDecoderException e) {
            server.counters.malformed.increment();
            if (e.isAnswerable()) {
                send(client, StunMessage.errorResponse(e.header(), StunErrorCode.BAD_REQUEST), null, false);
            }
            return;
        }
        switch (msg.messageClass()) {
            case REQUEST -> onRequest(client, msg);
            case INDICATION -> server.counters.dropped.increment();
            default -> server.counters.dropped.increment();
        }
    }

    private void onRequest(ClientTransport client, StunMessage msg) {
        server.counters.requests.increment();
        if (LOG.isLoggable(java.util.logging.Level.FINER)) {
            LOG.finer(() -> "from " + TurnServer.format(client.client) + ": " + msg);
        }
        long now = System.nanoTime();
        int method = msg.method();
        boolean fingerprint = msg.hasFingerprint();
        if (method == StunMethod.BINDING && config.allowUnauthenticatedStunBinding()) {
            if (!msg.unknownComprehensionRequired().isEmpty()) {
                send(client, unknownAttributes(msg), null, fingerprint);
            } else {
                send(client, StunMessage.successResponse(msg).add(new XorMappedAddressAttribute(client.client)),
                        null, fingerprint);
            }
            return;
        }
        if (method != StunMethod.BINDING && method != StunMethod.ALLOCATE && method != StunMethod.REFRESH
                && method != StunMethod.CREATE_PERMISSION && method != StunMethod.CHANNEL_BIND) {
            send(client, StunMessage.errorResponse(msg, StunErrorCode.BAD_REQUEST), null, fingerprint);
            return;
        }
        TurnAuthenticator.Outcome outcome = auth.authenticate(msg, client.client.getAddress(), now);
        if (!outcome.ok()) {
            if (!outcome.drop()) {
                send(client, outcome.error(), null, fingerprint);
            }
            return;
        }
        if (!msg.unknownComprehensionRequired().isEmpty()) {
            send(client, unknownAttributes(msg), outcome, fingerprint);
            return;
        }
        StunMessage.Builder response = switch (method) {
            case StunMethod.BINDING -> StunMessage.successResponse(msg)
                    .add(new XorMappedAddressAttribute(client.client));
            case StunMethod.ALLOCATE -> allocate.handle(client, msg, outcome, now);
            case StunMethod.REFRESH -> refresh.handle(client, msg, outcome, now);
            case StunMethod.CREATE_PERMISSION -> createPermission.handle(client, msg, outcome, now);
            default -> channelBind.handle(client, msg, outcome, now);
        };
        if (response != null) {
            send(client, response, outcome, fingerprint);
        }
    }

    private static StunMessage.Builder unknownAttributes(StunMessage msg) {
        return StunMessage.errorResponse(msg, StunErrorCode.UNKNOWN_ATTRIBUTE)
                .add(new UnknownAttributesAttribute(msg.unknownComprehensionRequired()));
    }

    /** Adds SOFTWARE, the integrity the request was authenticated with, and FINGERPRINT if the request had one. */
    StunMessage sign(StunMessage.Builder response, TurnAuthenticator.Outcome outcome, boolean fingerprint) {
        response.add(software);
        if (outcome != null && outcome.ok()) {
            response.integrity(outcome.key(), outcome.integrity());
        }
        return response.fingerprint(fingerprint).build();
    }

    private void send(ClientTransport client, StunMessage.Builder response, TurnAuthenticator.Outcome outcome,
            boolean fingerprint) {
        StunMessage m = sign(response, outcome, fingerprint);
        if (m.messageClass() == org.edgeway.engine.stun.StunClass.ERROR_RESPONSE) {
            server.counters.errorResponses.increment();
            if (LOG.isLoggable(java.util.logging.Level.FINE)) {
                LOG.fine(() -> "to " + TurnServer.format(client.client) + ": " + m);
            }
        }
        client.writeAndFlush(StunEncoder.encode(m, client.alloc()));
    }
}
