package org.edgeway.engine.zones;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One configured zone (Configuration &gt; Zones &gt; Zones &gt; Edit zone, P30). {@code id} is the number the
 * console shows in {@code editzone?id=N} and the CLI in {@code xConfiguration Zones Zone N}. The built-in
 * LocalZone (local registrations) and DefaultZone (anything not from a configured zone) are not listed here; search
 * rules name them as {@link SearchRule#LOCAL_ZONE} and {@link SearchRule#DEFAULT_ZONE}.
 *
 * <p>Which fields apply depends on the type: a neighbor uses {@code peers}, {@code port} and {@code transport};
 * a traversal client uses {@code peers}, {@code port}, {@code username} and {@code password} and connects out;
 * a traversal server listens on {@code port} and accepts the client that authenticates as {@code username}
 * against the local database, checking its certificate against {@code tlsVerifySubjectName} when
 * {@code tlsVerify} is On. A Unified Communications traversal zone is a client on the Expressway-C and a server on
 * the Expressway-E, forced to TLS, TLS verify On and Force encrypted (the EJB side enforces that).
 *
 * @param id                   zone number, 1..
 * @param name                 unique zone name
 * @param type                 zone type
 * @param hopCount             Max-Forwards ceiling for requests sent into the zone (default 15)
 * @param sipEnabled           the zone's SIP mode
 * @param transport            SIP transport to the peer (forced TLS for UC traversal)
 * @param port                 neighbor: peer SIP port; traversal: the server zone's port (7001, +1 per zone)
 * @param peers                neighbor / traversal client: peer addresses (FQDN or IP), 1 to 6
 * @param tlsVerify            TLS verify mode
 * @param tlsVerifySubjectName traversal server (and neighbor): name that must be in the peer certificate's SAN
 * @param username             traversal client: its username; traversal server: the client's expected username
 * @param password             traversal client only: its password (never shown back)
 * @param authenticationPolicy whether requests from the zone are challenged
 * @param mediaEncryption      media encryption mode (applied by the B2BUA, calls issue)
 * @param iceSupport           ICE support (calls issue)
 * @param icePassthrough       ICE passthrough support (calls issue)
 * @param keepAliveInterval    traversal client: how often it probes the server connection (default 30 s)
 */
public record ZoneConfig(
        int id,
        String name,
        ZoneType type,
        int hopCount,
        boolean sipEnabled,
        Transport transport,
        int port,
        List<String> peers,
        boolean tlsVerify,
        String tlsVerifySubjectName,
        String username,
        String password,
        AuthenticationPolicy authenticationPolicy,
        MediaEncryption mediaEncryption,
        boolean iceSupport,
        boolean icePassthrough,
        Duration keepAliveInterval) {

    public static final int DEFAULT_HOP_COUNT = 15;
    /** SIP port of the first traversal server zone; each further server zone takes the next (B-TRAV-04). */
    public static final int FIRST_TRAVERSAL_PORT = 7001;
    public static final int MAX_PEERS = 6;

    public ZoneConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(authenticationPolicy, "authenticationPolicy");
        Objects.requireNonNull(mediaEncryption, "mediaEncryption");
        peers = List.copyOf(peers == null ? List.of() : peers);
        if (peers.size() > MAX_PEERS) {
            throw new IllegalArgumentException("at most " + MAX_PEERS + " peers");
        }
        keepAliveInterval = keepAliveInterval == null ? Duration.ofSeconds(30) : keepAliveInterval;
    }

    public enum ZoneType {
        NEIGHBOR, TRAVERSAL_CLIENT, TRAVERSAL_SERVER, UNIFIED_COMMUNICATIONS_TRAVERSAL
    }

    public enum Transport {
        UDP, TCP, TLS
    }

    public enum AuthenticationPolicy {
        DO_NOT_CHECK_CREDENTIALS, CHECK_CREDENTIALS
    }

    public enum MediaEncryption {
        FORCE_ENCRYPTED, FORCE_UNENCRYPTED, BEST_EFFORT, AUTO
    }
}
