package org.edgeway.engine.turn;

import org.edgeway.engine.net.RateLimiter;
import org.edgeway.engine.net.RelayPortPool;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import org.edgeway.engine.stun.StunDecoder;
import org.edgeway.engine.stun.StunDecoderException;
import org.edgeway.engine.stun.StunEncoder;
import org.edgeway.engine.stun.StunErrorCode;
import org.edgeway.engine.stun.StunMessage;
import org.edgeway.engine.stun.StunMethod;
import org.edgeway.engine.stun.attribute.AdditionalAddressFamilyAttribute;
import org.edgeway.engine.stun.attribute.AddressErrorCodeAttribute;
import org.edgeway.engine.stun.attribute.AddressFamily;
import org.edgeway.engine.stun.attribute.AlternateServerAttribute;
import org.edgeway.engine.stun.attribute.ChannelNumberAttribute;
import org.edgeway.engine.stun.attribute.DataAttribute;
import org.edgeway.engine.stun.attribute.DontFragmentAttribute;
import org.edgeway.engine.stun.attribute.EvenPortAttribute;
import org.edgeway.engine.stun.attribute.FingerprintAttribute;
import org.edgeway.engine.stun.attribute.LifetimeAttribute;
import org.edgeway.engine.stun.attribute.RequestedAddressFamilyAttribute;
import org.edgeway.engine.stun.attribute.RequestedTransportAttribute;
import org.edgeway.engine.stun.attribute.ReservationTokenAttribute;
import org.edgeway.engine.stun.attribute.SoftwareAttribute;
import org.edgeway.engine.stun.attribute.StunAttributes;
import org.edgeway.engine.stun.attribute.UnknownAttributesAttribute;
import org.edgeway.engine.stun.attribute.XorAddress;
import org.edgeway.engine.stun.attribute.XorMappedAddressAttribute;
import org.edgeway.engine.stun.attribute.XorPeerAddressAttribute;
import org.edgeway.engine.stun.attribute.XorRelayedAddressAttribute;

/**
 * TURN request processing (RFC 8656) for one server: Binding, Allocate, Refresh, CreatePermission, ChannelBind,
 * Send indications and ChannelData. Called on the client's event loop; never throws for bad input (it is answered
 * 400 or dropped, and counted).
 */
final class TurnRequestProcessor {

    private static final java.util.logging.Logger LOG =
            java.util.logging.Logger.getLogger(TurnRequestProcessor.class.getName());
    static final long DEFAULT_LIFETIME = 600;
    static final long MAX_LIFETIME = 3600;
    private static final long SECOND = 1_000_000_000L;

    private final TurnServer server;
    private final TurnConfig config;
    private final TurnAuthenticator auth;
    private final RateLimiter limiter;
    private final StunDecoder decoder;
    private final SoftwareAttribute software = new SoftwareAttribute(TurnServer.SOFTWARE);

    TurnRequestProcessor(TurnServer server) {
        this.server = server;
        this.config = server.config;
        this.limiter = new RateLimiter(config.unauthorizedPerSecond());
        NonceManager nonces = new NonceManager(config.nonceLifetime().toMillis(), TurnAuthenticator.FEATURES,
                System::currentTimeMillis);
        this.auth = new TurnAuthenticator(config, nonces, limiter, server.counters, System::currentTimeMillis);
        this.decoder = new StunDecoder(Math.max(server.maxDatagramSize, 548) + StunDecoder.MAX_ATTRIBUTES);
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
            case StunMethod.ALLOCATE -> allocate(client, msg, outcome, now);
            case StunMethod.REFRESH -> refresh(client, msg, outcome, now);
            case StunMethod.CREATE_PERMISSION -> createPermission(client, msg, outcome, now);
            default -> channelBind(client, msg, outcome, now);
        };
        if (response != null) {
            send(client, response, outcome, fingerprint);
        }
    }

    private static StunMessage.Builder unknownAttributes(StunMessage msg) {
        return StunMessage.errorResponse(msg, StunErrorCode.UNKNOWN_ATTRIBUTE)
                .add(new UnknownAttributesAttribute(msg.unknownComprehensionRequired()));
    }

    private static StunMessage.Builder error(StunMessage msg, int code) {
        return StunMessage.errorResponse(msg, code);
    }

    private StunMessage sign(StunMessage.Builder response, TurnAuthenticator.Outcome outcome, boolean fingerprint) {
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

    // ------------------------------------------------------------------ Allocate (RFC 8656 section 7.2)

    private StunMessage.Builder allocate(ClientTransport client, StunMessage msg, TurnAuthenticator.Outcome o,
            long now) {
        Allocation existing = client.allocation();
        if (existing != null) {
            if (Arrays.equals(existing.allocateTransactionId, msg.transactionId())
                    && existing.allocateResponse != null) {
                // retransmission of the request that created it: same answer
                client.writeAndFlush(Unpooled.wrappedBuffer(existing.allocateResponse));
                return null;
            }
            return error(msg, StunErrorCode.ALLOCATION_MISMATCH);
        }
        RequestedTransportAttribute transport = msg.get(RequestedTransportAttribute.class);
        if (transport == null) {
            return error(msg, StunErrorCode.BAD_REQUEST);
        }
        if (transport.protocol() != RequestedTransportAttribute.UDP) {
            return error(msg, StunErrorCode.UNSUPPORTED_TRANSPORT_PROTOCOL);
        }
        ReservationTokenAttribute token = msg.get(ReservationTokenAttribute.class);
        EvenPortAttribute even = msg.get(EvenPortAttribute.class);
        RequestedAddressFamilyAttribute requested = msg.get(RequestedAddressFamilyAttribute.class);
        AdditionalAddressFamilyAttribute additional = msg.get(AdditionalAddressFamilyAttribute.class);
        if (token != null && (even != null || requested != null)) {
            return error(msg, StunErrorCode.BAD_REQUEST);
        }
        if (requested != null && additional != null) {
            return error(msg, StunErrorCode.BAD_REQUEST);
        }
        AddressFamily primary = AddressFamily.IPV4;
        if (requested != null) {
            primary = requested.family();
            if (primary == null || (primary == AddressFamily.IPV6 && !server.ipv6Available())) {
                return error(msg, StunErrorCode.ADDRESS_FAMILY_NOT_SUPPORTED);
            }
        }
        boolean dual = false;
        AddressErrorCodeAttribute addressError = null;
        if (additional != null) {
            if (additional.family() != AddressFamily.IPV6) {
                return error(msg, StunErrorCode.BAD_REQUEST);
            }
            if (server.ipv6Available()) {
                dual = true;
            } else {
                addressError = new AddressErrorCodeAttribute(AddressFamily.IPV6.code(),
                        StunErrorCode.ADDRESS_FAMILY_NOT_SUPPORTED,
                        StunErrorCode.reason(StunErrorCode.ADDRESS_FAMILY_NOT_SUPPORTED));
            }
        }
        if (config.userQuota() > 0 && server.userAllocations(o.username()) >= config.userQuota()) {
            return error(msg, StunErrorCode.ALLOCATION_QUOTA_REACHED);
        }
        int needed = dual ? 2 : 1;
        TurnServer.Listener listener = client.listener();
        if (!server.reserveCapacity(needed, listener)) {
            TurnConfig.AlternateServer alternate = server.bestAlternate(client.client);
            if (alternate != null) {
                return error(msg, StunErrorCode.TRY_ALTERNATE).add(new AlternateServerAttribute(
                        new InetSocketAddress(TurnServer.literal(alternate.host()), alternate.port())));
            }
            return error(msg, StunErrorCode.INSUFFICIENT_CAPACITY);
        }
        RelayPortPool.Bound bound;
        if (token != null) {
            RelayPortPool.Reservation r = server.ports.take(ByteBufLong.of(token.value()));
            if (r == null) {
                server.releaseCapacity(needed, listener);
                return error(msg, StunErrorCode.INSUFFICIENT_CAPACITY);
            }
            primary = r.family();
            bound = new RelayPortPool.Bound(r.channel(), 0);
        } else {
            bound = server.ports.bind(primary, even != null, even != null && even.reserve());
            if (bound == null) {
                server.releaseCapacity(needed, listener);
                return error(msg, StunErrorCode.INSUFFICIENT_CAPACITY);
            }
        }
        RelayPortPool.Bound bound6 = null;
        if (dual) {
            bound6 = server.ports.bind(AddressFamily.IPV6, false, false);
            if (bound6 == null) {
                server.releaseCapacity(1, listener);
                addressError = new AddressErrorCodeAttribute(AddressFamily.IPV6.code(),
                        StunErrorCode.INSUFFICIENT_CAPACITY, StunErrorCode.reason(StunErrorCode.INSUFFICIENT_CAPACITY));
            }
        }
        LifetimeAttribute lifetimeAttribute = msg.get(LifetimeAttribute.class);
        long lifetime = lifetimeAttribute == null ? DEFAULT_LIFETIME
                : Math.min(MAX_LIFETIME, Math.max(DEFAULT_LIFETIME, lifetimeAttribute.seconds()));
        Allocation a = new Allocation(server, client, o.username(), o.key(), o.integrity(), msg.hasFingerprint(),
                msg.transactionId(), lifetime * SECOND);
        Allocation.Relay relay = server.openRelay(a, bound.channel(), primary);
        if (primary == AddressFamily.IPV4) {
            a.relay4 = relay;
        } else {
            a.relay6 = relay;
        }
        if (bound6 != null) {
            a.relay6 = server.openRelay(a, bound6.channel(), AddressFamily.IPV6);
        }
        StunMessage.Builder response = StunMessage.successResponse(msg);
        for (Allocation.Relay r : a.relays()) {
            response.add(new XorRelayedAddressAttribute(r.address));
        }
        response.addIfPresent(addressError);
        response.add(new LifetimeAttribute(lifetime));
        if (bound.reservationToken() != 0) {
            response.add(new ReservationTokenAttribute(ByteBufLong.bytes(bound.reservationToken())));
        }
        response.add(new XorMappedAddressAttribute(client.client));
        StunMessage signed = sign(response, o, msg.hasFingerprint());
        a.allocateResponse = StunEncoder.encodeToBytes(signed);
        server.add(a);
        client.writeAndFlush(Unpooled.wrappedBuffer(a.allocateResponse));
        return null;
    }

    // ------------------------------------------------------------------ Refresh (section 7.3)

    private StunMessage.Builder refresh(ClientTransport client, StunMessage msg, TurnAuthenticator.Outcome o,
            long now) {
        Allocation a = client.allocation();
        if (a == null) {
            return error(msg, StunErrorCode.ALLOCATION_MISMATCH);
        }
        if (!a.username.equals(o.username())) {
            return error(msg, StunErrorCode.WRONG_CREDENTIALS);
        }
        RequestedAddressFamilyAttribute requested = msg.get(RequestedAddressFamilyAttribute.class);
        AddressFamily family = null;
        if (requested != null) {
            family = requested.family();
            if (family == null || a.relay(family) == null) {
                return error(msg, StunErrorCode.PEER_ADDRESS_FAMILY_MISMATCH);
            }
        }
        LifetimeAttribute lifetimeAttribute = msg.get(LifetimeAttribute.class);
        long lifetime = lifetimeAttribute == null ? DEFAULT_LIFETIME
                : Math.min(MAX_LIFETIME, lifetimeAttribute.seconds());
        if (lifetime == 0) {
            if (family != null && a.relayCount() == 2) {
                server.deleteRelay(a, family);
            } else {
                server.delete(a, "refresh 0");
            }
        } else {
            a.expiresNanos = now + lifetime * SECOND;
        }
        return StunMessage.successResponse(msg).add(new LifetimeAttribute(lifetime));
    }

    // ------------------------------------------------------------------ CreatePermission (section 9.2)

    private StunMessage.Builder createPermission(ClientTransport client, StunMessage msg,
            TurnAuthenticator.Outcome o, long now) {
        Allocation a = client.allocation();
        if (a == null) {
            return error(msg, StunErrorCode.ALLOCATION_MISMATCH);
        }
        if (!a.username.equals(o.username())) {
            return error(msg, StunErrorCode.WRONG_CREDENTIALS);
        }
        List<XorPeerAddressAttribute> peers = msg.getAll(XorPeerAddressAttribute.class);
        if (peers.isEmpty()) {
            return error(msg, StunErrorCode.BAD_REQUEST);
        }
        int added = 0;
        for (XorPeerAddressAttribute peer : peers) {
            if (a.relay(peer.family()) == null) {
                return error(msg, StunErrorCode.PEER_ADDRESS_FAMILY_MISMATCH);
            }
            if (!server.policy.allowed(peer.address())) {
                return error(msg, StunErrorCode.FORBIDDEN);
            }
            if (!a.hasPermission(peer.address().getAddress())) {
                added++;
            }
        }
        if (a.permissionCount() + added > Allocation.MAX_PERMISSIONS) {
            return error(msg, StunErrorCode.INSUFFICIENT_CAPACITY);
        }
        for (XorPeerAddressAttribute peer : peers) {
            a.permit(peer.address().getAddress(), now);
        }
        return StunMessage.successResponse(msg);
    }

    // ------------------------------------------------------------------ ChannelBind (section 11.2)

    private StunMessage.Builder channelBind(ClientTransport client, StunMessage msg, TurnAuthenticator.Outcome o,
            long now) {
        Allocation a = client.allocation();
        if (a == null) {
            return error(msg, StunErrorCode.ALLOCATION_MISMATCH);
        }
        if (!a.username.equals(o.username())) {
            return error(msg, StunErrorCode.WRONG_CREDENTIALS);
        }
        ChannelNumberAttribute number = msg.get(ChannelNumberAttribute.class);
        XorPeerAddressAttribute peer = msg.get(XorPeerAddressAttribute.class);
        if (number == null || peer == null
                || !(config.strictChannelNumbers() ? number.valid() : number.validRfc5766())) {
            return error(msg, StunErrorCode.BAD_REQUEST);
        }
        if (a.relay(peer.family()) == null) {
            return error(msg, StunErrorCode.PEER_ADDRESS_FAMILY_MISMATCH);
        }
        if (!server.policy.allowed(peer.address())) {
            return error(msg, StunErrorCode.FORBIDDEN);
        }
        Allocation.ChannelBinding byNumber = a.channelByNumber(number.channel());
        Allocation.ChannelBinding byPeer = a.channelByPeer(peer.address());
        // "The channel number is not currently bound to a different transport address" and "The transport address
        // is not currently bound to a different channel number" (section 11.2)
        if ((byNumber != null && !byNumber.peer.equals(peer.address()))
                || (byPeer != null && byPeer.number != number.channel())) {
            return error(msg, StunErrorCode.BAD_REQUEST);
        }
        if (byNumber == null && a.channelCount() >= Allocation.MAX_CHANNELS) {
            return error(msg, StunErrorCode.INSUFFICIENT_CAPACITY);
        }
        InetAddress ip = peer.address().getAddress();
        if (!a.hasPermission(ip) && a.permissionCount() >= Allocation.MAX_PERMISSIONS) {
            return error(msg, StunErrorCode.INSUFFICIENT_CAPACITY);
        }
        a.bind(number.channel(), peer.address(), now);
        a.permit(ip, now);
        return StunMessage.successResponse(msg);
    }

    // ------------------------------------------------------------------ relay fast paths

    /**
     * A Send indication (section 10.2), parsed in place: XOR-PEER-ADDRESS and DATA are required, a FINGERPRINT if
     * present must verify, unknown comprehension-required attributes make the indication be discarded, and the
     * peer must have a permission. The DATA bytes go to the peer without a copy.
     *
     * @return the relay written to, or null if dropped
     */
    Allocation.Relay relaySend(Allocation a, ByteBuf buf) {
        int start = buf.readerIndex();
        int size = buf.readableBytes();
        if (size < StunMessage.HEADER_LENGTH || buf.getInt(start + 4) != StunMessage.MAGIC_COOKIE) {
            return dropped(a);
        }
        int length = buf.getUnsignedShort(start + 2);
        if ((length & 3) != 0 || length + StunMessage.HEADER_LENGTH != size) {
            return dropped(a);
        }
        int end = start + size;
        int offset = start + StunMessage.HEADER_LENGTH;
        int peerAt = -1;
        int peerLength = 0;
        int dataAt = -1;
        int dataLength = 0;
        while (offset + 4 <= end) {
            int type = buf.getUnsignedShort(offset);
            int attributeLength = buf.getUnsignedShort(offset + 2);
            int value = offset + 4;
            if (value + attributeLength > end) {
                return dropped(a);
            }
            if (type == XorPeerAddressAttribute.TYPE) {
                if (peerAt < 0) {
                    peerAt = value;
                    peerLength = attributeLength;
                }
            } else if (type == DataAttribute.TYPE) {
                if (dataAt < 0) {
                    dataAt = value;
                    dataLength = attributeLength;
                }
            } else if (type == FingerprintAttribute.TYPE) {
                if (attributeLength != 4 || value + 4 != end
                        || buf.getInt(value) != FingerprintAttribute.compute(buf, start, offset - start)) {
                    return dropped(a);
                }
            } else if (type < 0x8000 && type != DontFragmentAttribute.TYPE && !StunAttributes.isKnown(type)) {
                return dropped(a);
            }
            offset = value + ((attributeLength + 3) & ~3);
        }
        if (peerAt < 0 || dataAt < 0) {
            return dropped(a);
        }
        InetSocketAddress peer;
        int family = buf.getUnsignedByte(peerAt + 1);
        int port = XorAddress.port(buf.getUnsignedShort(peerAt + 2));
        if (family == 0x01 && peerLength == 8) {
            peer = a.peer4(XorAddress.ipv4(buf.getInt(peerAt + 4)), port);
        } else if (family == 0x02 && peerLength == 20) {
            try {
                byte[] tid = new byte[12];
                buf.getBytes(start + 8, tid);
                peer = XorPeerAddressAttribute.decode(buf.slice(peerAt, peerLength), tid).address();
            } catch (StunDecoderException e) {
                return dropped(a);
            }
        } else {
            return dropped(a);
        }
        if (!a.permitted(peer.getAddress(), System.nanoTime())) {
            return dropped(a);
        }
        return a.toPeer(buf.retainedDuplicate().setIndex(dataAt, dataAt + dataLength), peer);
    }

    /**
     * ChannelData from the client (section 12.6): the channel must be bound; the application data goes to its
     * peer without a copy. Over UDP extra bytes after the data (padding) are ignored.
     */
    Allocation.Relay relayChannelData(Allocation a, ByteBuf buf, boolean tcp) {
        int start = buf.readerIndex();
        int number = buf.getUnsignedShort(start);
        int length = buf.getUnsignedShort(start + 2);
        if (4 + length > buf.readableBytes()) {
            return dropped(a);
        }
        Allocation.ChannelBinding binding = a.channelByNumber(number);
        if (binding == null || binding.expiresNanos - System.nanoTime() <= 0) {
            return dropped(a);
        }
        return a.toPeer(buf.retainedDuplicate().setIndex(start + 4, start + 4 + length), binding.peer);
    }

    private Allocation.Relay dropped(Allocation a) {
        a.packetsDropped++;
        server.counters.dropped.increment();
        return null;
    }

    /** 8-byte RESERVATION-TOKEN values as longs. */
    static final class ByteBufLong {
        private ByteBufLong() {
        }

        static long of(byte[] b) {
            long v = 0;
            for (byte x : b) {
                v = (v << 8) | (x & 0xFF);
            }
            return v;
        }

        static byte[] bytes(long v) {
            byte[] b = new byte[8];
            for (int i = 7; i >= 0; i--) {
                b[i] = (byte) v;
                v >>>= 8;
            }
            return b;
        }
    }
}
