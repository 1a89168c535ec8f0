package org.edgeway.engine.turn;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.edgeway.engine.EngineState;

/**
 * The TURN part of {@link EngineSnapshot}: the "TURN server status" summary of Configuration &gt; Traversal &gt;
 * TURN (P33.S01-S03) and the rows of Status &gt; TURN relay usage (P13).
 *
 * @param state              Active when running ({@link EngineState#label()})
 * @param detail             human-readable detail (why it is inactive, or a summary)
 * @param listeningAddresses "UDP 0.0.0.0:3478", "TCP 0.0.0.0:3478", ..., "TLS 0.0.0.0:5349"
 * @param relayAddresses     relay IP addresses in use (IPv4, and IPv6 when available)
 * @param activeClients      distinct (client IP, username) pairs with at least one allocation
 * @param activeRelays       allocations currently active (a dual-stack allocation counts once per relay address)
 * @param capacity           maximum relays
 * @param relays             one view per allocation
 * @param counters           service-wide counters since the service started
 */
public record TurnSnapshot(EngineState state, String detail, List<String> listeningAddresses,
        List<String> relayAddresses, int activeClients, int activeRelays, int capacity, List<RelayView> relays,
        Counters counters) {

    public TurnSnapshot {
        listeningAddresses = List.copyOf(listeningAddresses);
        relayAddresses = List.copyOf(relayAddresses);
        relays = List.copyOf(relays);
    }

    /** The snapshot of a service that is not running. */
    public static TurnSnapshot inactive(String detail) {
        return new TurnSnapshot(EngineState.STOPPED, detail, List.of(), List.of(), 0, 0, 0, List.of(),
                Counters.ZERO);
    }

    /**
     * One active relay (allocation) for the TURN relay usage page.
     *
     * @param clientAddress   client transport address as seen by the server ("203.0.113.5:50000")
     * @param serverAddress   the server transport address the client talks to
     * @param transport       client-to-server transport: "UDP", "TCP" or "TLS"
     * @param username        authenticated username
     * @param relayAddresses  relayed transport addresses (one, or IPv4 and IPv6 for a dual allocation)
     * @param createdAt       when it was allocated
     * @param age             time since allocation
     * @param lifetimeLeft    time until it expires unless refreshed
     * @param permissions     installed permissions
     * @param channels        channel bindings
     * @param packetsFromClient packets the client sent for relaying (Send indications and ChannelData)
     * @param bytesFromClient   application bytes of those
     * @param packetsToClient   packets relayed from peers to the client (Data indications and ChannelData)
     * @param bytesToClient     application bytes of those
     * @param packetsDropped    packets dropped (no permission, congestion)
     */
    public record RelayView(String clientAddress, String serverAddress, String transport, String username,
            List<String> relayAddresses, Instant createdAt, Duration age, Duration lifetimeLeft,
            List<PermissionView> permissions, List<ChannelView> channels, long packetsFromClient,
            long bytesFromClient, long packetsToClient, long bytesToClient, long packetsDropped) {

        public RelayView {
            relayAddresses = List.copyOf(relayAddresses);
            permissions = List.copyOf(permissions);
            channels = List.copyOf(channels);
        }
    }

    /** A permission: peer IP address and time until it expires. */
    public record PermissionView(String peerAddress, Duration expiresIn) {
    }

    /** A channel binding: number (0x4000-0x4FFF), peer transport address, time until it expires. */
    public record ChannelView(int channel, String peerAddress, Duration expiresIn) {
    }

    /**
     * Service-wide counters.
     *
     * @param allocationsCreated allocations created
     * @param allocationsDeleted allocations deleted (refresh 0, expiry, connection closed, restart)
     * @param requests           STUN requests received
     * @param errorResponses     error responses sent
     * @param malformed          datagrams or frames that were neither valid STUN nor ChannelData (dropped or 400)
     * @param rateLimited        401 answers suppressed by the per-source limit
     * @param dropped            relayed packets dropped (no allocation, no permission, no channel, oversize,
     *                           congestion)
     * @param tcpConnectionsRefused TCP connections refused over the limit
     */
    public record Counters(long allocationsCreated, long allocationsDeleted, long requests, long errorResponses,
            long malformed, long rateLimited, long dropped, long tcpConnectionsRefused) {
        public static final Counters ZERO = new Counters(0, 0, 0, 0, 0, 0, 0, 0);
    }
}
