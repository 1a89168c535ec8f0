package org.edgeway.engine.turn;

import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import org.edgeway.engine.net.RelayPortPool;
import org.edgeway.engine.stun.StunEncoder;
import org.edgeway.engine.stun.StunErrorCode;
import org.edgeway.engine.stun.StunMessage;
import org.edgeway.engine.stun.attribute.AdditionalAddressFamilyAttribute;
import org.edgeway.engine.stun.attribute.AddressErrorCodeAttribute;
import org.edgeway.engine.stun.attribute.AddressFamily;
import org.edgeway.engine.stun.attribute.AlternateServerAttribute;
import org.edgeway.engine.stun.attribute.EvenPortAttribute;
import org.edgeway.engine.stun.attribute.LifetimeAttribute;
import org.edgeway.engine.stun.attribute.RequestedAddressFamilyAttribute;
import org.edgeway.engine.stun.attribute.RequestedTransportAttribute;
import org.edgeway.engine.stun.attribute.ReservationTokenAttribute;
import org.edgeway.engine.stun.attribute.XorMappedAddressAttribute;
import org.edgeway.engine.stun.attribute.XorRelayedAddressAttribute;

/** Allocate (RFC 8656 section 7.2, RFC 6156 / 8656 dual allocations, EVEN-PORT and reservations). */
final class AllocateHandler implements MethodHandler {

    private final TurnServer server;
    private final TurnConfig config;
    private final TurnRequestProcessor responses;

    AllocateHandler(TurnServer server, TurnRequestProcessor responses) {
        this.server = server;
        this.config = server.config;
        this.responses = responses;
    }

    @Override
    public StunMessage.Builder handle(ClientTransport client, StunMessage msg, TurnAuthenticator.Outcome o, long now) {
        Allocation existing = client.allocation();
        if (existing != null) {
            byte[] previous = existing.answerTo(msg.transactionId());
            if (previous != null) {
                // retransmission of the request that created it: same answer
                client.writeAndFlush(Unpooled.wrappedBuffer(previous));
                return null;
            }
            return MethodHandler.error(msg, StunErrorCode.ALLOCATION_MISMATCH);
        }
        if (server.inMaintenanceMode()) {
            return refuseNew(client, msg);
        }
        RequestedTransportAttribute transport = msg.get(RequestedTransportAttribute.class);
        if (transport == null) {
            return MethodHandler.error(msg, StunErrorCode.BAD_REQUEST);
        }
        if (transport.protocol() != RequestedTransportAttribute.UDP) {
            return MethodHandler.error(msg, StunErrorCode.UNSUPPORTED_TRANSPORT_PROTOCOL);
        }
        ReservationTokenAttribute token = msg.get(ReservationTokenAttribute.class);
        EvenPortAttribute even = msg.get(EvenPortAttribute.class);
        RequestedAddressFamilyAttribute requested = msg.get(RequestedAddressFamilyAttribute.class);
        AdditionalAddressFamilyAttribute additional = msg.get(AdditionalAddressFamilyAttribute.class);
        if (token != null && (even != null || requested != null)) {
            return MethodHandler.error(msg, StunErrorCode.BAD_REQUEST);
        }
        if (requested != null && additional != null) {
            return MethodHandler.error(msg, StunErrorCode.BAD_REQUEST);
        }
        AddressFamily primary = AddressFamily.IPV4;
        if (requested != null) {
            primary = requested.family();
            if (primary == null || (primary == AddressFamily.IPV6 && !server.ipv6Available())) {
                return MethodHandler.error(msg, StunErrorCode.ADDRESS_FAMILY_NOT_SUPPORTED);
            }
        }
        boolean dual = false;
        AddressErrorCodeAttribute addressError = null;
        if (additional != null) {
            if (additional.family() != AddressFamily.IPV6) {
                return MethodHandler.error(msg, StunErrorCode.BAD_REQUEST);
            }
            if (server.ipv6Available()) {
                dual = true;
            } else {
                addressError = new AddressErrorCodeAttribute(AddressFamily.IPV6.code(),
                        StunErrorCode.ADDRESS_FAMILY_NOT_SUPPORTED,
                        StunErrorCode.reason(StunErrorCode.ADDRESS_FAMILY_NOT_SUPPORTED));
            }
        }
        if (config.userQuota() > 0 && server.table.userAllocations(o.username()) >= config.userQuota()) {
            return MethodHandler.error(msg, StunErrorCode.ALLOCATION_QUOTA_REACHED);
        }
        int needed = dual ? 2 : 1;
        TurnListeners.Listener listener = client.listener();
        if (!server.table.reserve(needed, listener)) {
            return refuseNew(client, msg);
        }
        RelayPortPool.Bound bound;
        if (token != null) {
            RelayPortPool.Reservation r = server.ports.take(ByteBufLong.of(token.value()));
            if (r == null) {
                server.table.release(needed, listener);
                return MethodHandler.error(msg, StunErrorCode.INSUFFICIENT_CAPACITY);
            }
            primary = r.family();
            bound = new RelayPortPool.Bound(r.socket(), 0);
        } else {
            bound = server.ports.bind(primary, even != null, even != null && even.reserve());
            if (bound == null) {
                server.table.release(needed, listener);
                return MethodHandler.error(msg, StunErrorCode.INSUFFICIENT_CAPACITY);
            }
        }
        RelayPortPool.Bound bound6 = null;
        if (dual) {
            bound6 = server.ports.bind(AddressFamily.IPV6, false, false);
            if (bound6 == null) {
                server.table.release(1, listener);
                addressError = new AddressErrorCodeAttribute(AddressFamily.IPV6.code(),
                        StunErrorCode.INSUFFICIENT_CAPACITY, StunErrorCode.reason(StunErrorCode.INSUFFICIENT_CAPACITY));
            }
        }
        LifetimeAttribute lifetimeAttribute = msg.get(LifetimeAttribute.class);
        long lifetime = lifetimeAttribute == null ? Allocation.DEFAULT_LIFETIME
                : Math.min(Allocation.MAX_LIFETIME, Math.max(Allocation.DEFAULT_LIFETIME, lifetimeAttribute.seconds()));
        Allocation a = new Allocation(server, client, o.username(), o.key(), o.integrity(), msg.hasFingerprint(),
                msg.transactionId(), lifetime * Allocation.SECOND);
        a.setRelay(server.openRelay(a, bound.socket(), primary));
        if (bound6 != null) {
            a.setRelay(server.openRelay(a, bound6.socket(), AddressFamily.IPV6));
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
        StunMessage signed = responses.sign(response, o, msg.hasFingerprint());
        byte[] encoded = StunEncoder.encodeToBytes(signed);
        a.answered(encoded);
        server.add(a);
        client.writeAndFlush(Unpooled.wrappedBuffer(encoded));
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

    /** No room here (full, or maintenance mode): 300 Try Alternate to the nearest alternate server, else 508. */
    private StunMessage.Builder refuseNew(ClientTransport client, StunMessage msg) {
        TurnConfig.AlternateServer alternate = server.bestAlternate(client.client);
        if (alternate != null) {
            return MethodHandler.error(msg, StunErrorCode.TRY_ALTERNATE).add(new AlternateServerAttribute(
                    new InetSocketAddress(TurnServer.literal(alternate.host()), alternate.port())));
        }
        return MethodHandler.error(msg, StunErrorCode.INSUFFICIENT_CAPACITY);
    }
}
