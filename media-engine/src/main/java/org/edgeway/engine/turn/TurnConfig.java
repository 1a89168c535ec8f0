package org.edgeway.engine.turn;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.edgeway.engine.SystemSize;

/**
 * Immutable TURN server settings (Configuration &gt; Traversal &gt; TURN, P33, plus CLI-only and engine-only
 * knobs). The EJB side builds one from persisted settings; the engine applies it as a whole by restarting the TURN
 * service when it changes (seed 003: "changes to other TURN settings do not come into effect until the TURN
 * services is restarted").
 *
 * <p><b>Defaults</b> (the single place they are documented; {@link #defaults()} returns exactly these):
 * <table>
 * <caption>TURN defaults</caption>
 * <tr><th>component</th><th>default</th><th>meaning</th></tr>
 * <tr><td>enabled</td><td>false</td><td>"TURN services" On/Off (P33.F01)</td></tr>
 * <tr><td>tcp443Enabled</td><td>false</td><td>"TCP 443 TURN service" (P33.F02): an extra TCP listener</td></tr>
 * <tr><td>tcp443Port</td><td>443</td><td>port of that listener (configurable so tests can use 0 = ephemeral)</td></tr>
 * <tr><td>portMultiplexing</td><td>false</td><td>"TURN port multiplexing", Large only (P33.F03): On = one request
 *     port with full capacity; Off = listen on the request port range. With TCP 443 On, the multiplexed port
 *     serves UDP only (B-TURN-13)</td></tr>
 * <tr><td>requestsPort</td><td>3478</td><td>"TURN requests port" (P33.F04), Small/Medium, or Large with
 *     multiplexing; 0 = ephemeral (tests)</td></tr>
 * <tr><td>requestsPortRangeStart / End</td><td>3478 / 3483</td><td>Large with multiplexing Off (P33.F05-F06);
 *     each port is limited to 1000 relays</td></tr>
 * <tr><td>protocolMode</td><td>UDP_AND_TCP</td><td>CLI {@code xConfiguration Traversal Server TURN ProtocolMode}:
 *     which transports the request ports accept. TCP 443 requires a mode that includes TCP</td></tr>
 * <tr><td>delegatedCredentialChecking</td><td>false</td><td>P33.F07; carried for the EJB side, the engine always
 *     checks against {@code credentials} / {@code sharedSecret}</td></tr>
 * <tr><td>realm</td><td>"TANDBERG"</td><td>"Authentication realm" (P33.F08), sent in REALM</td></tr>
 * <tr><td>mediaPortRangeStart / End</td><td>24000 / 29999</td><td>relay ports (P33.F09-F10); start 0 = let the
 *     OS choose ephemeral ports (tests)</td></tr>
 * <tr><td>allowUnauthenticatedStunBinding</td><td>false</td><td>X12.6.1+: "no longer functions as a generic STUN
 *     server"; an unauthenticated Binding gets 401 like any request. True answers it with XOR-MAPPED-ADDRESS</td></tr>
 * <tr><td>peerAllow / peerDeny</td><td>[] / []</td><td>CIDR lists; deny wins over allow, allow wins over the
 *     built-in forbidden ranges (e.g. {@code 127.0.0.0/8} to opt loopback in). See
 *     {@code org.edgeway.engine.net.PeerAddressPolicy}</td></tr>
 * <tr><td>credentials</td><td>{}</td><td>username to password, from the local authentication database</td></tr>
 * <tr><td>sharedSecret</td><td>null</td><td>TURN REST API time-limited credentials: username
 *     {@code <unix-expiry>:<user>}, password {@code base64(HMAC-SHA1(secret, username))}; null = off</td></tr>
 * <tr><td>unauthorizedPerSecond</td><td>100</td><td>401 answers per second per source IP (burst twice that);
 *     beyond it requests without valid credentials are dropped. 0 = unlimited</td></tr>
 * <tr><td>alternateServers</td><td>[]</td><td>cluster peers and their free relays; when full, answer 300 Try
 *     Alternate with the peer having the most free relays (B-TURN-14) instead of 508</td></tr>
 * <tr><td>maxRelays</td><td>0</td><td>0 = by system size: 1800 Small/Medium, 6000 Large (B-TURN-08/09)</td></tr>
 * <tr><td>userQuota</td><td>0</td><td>concurrent allocations per username (486 beyond); 0 = unlimited</td></tr>
 * <tr><td>nonceLifetime</td><td>600 s</td><td>after this a NONCE is stale (438 with a fresh one)</td></tr>
 * <tr><td>relayAddress</td><td>null</td><td>IPv4 relay address; null = the bind address, or the first
 *     non-loopback IPv4 address when binding to the wildcard (B-TURN-15: relays on the external interface)</td></tr>
 * <tr><td>relayAddressV6</td><td>null</td><td>IPv6 relay address (RFC 6156); null = ::1 when bound to loopback,
 *     the first global IPv6 address when bound to the wildcard, else none (440 for IPv6 requests)</td></tr>
 * <tr><td>maxDatagramSize</td><td>4096</td><td>largest UDP datagram accepted on listeners and relays (larger are
 *     dropped and counted)</td></tr>
 * <tr><td>maxTcpConnections</td><td>0</td><td>0 = maxRelays + 256; further TCP connections are closed at
 *     once</td></tr>
 * <tr><td>strictChannelNumbers</td><td>false</td><td>false accepts ChannelBind numbers 0x4000-0x7FFF (RFC 5766,
 *     still used by e.g. coturn 4.6 clients); true only 0x4000-0x4FFF (RFC 8656 section 12, which reserves
 *     0x5000-0xFFFF for RFC 7983 demultiplexing). Numbers outside the range get 400</td></tr>
 * <tr><td>internalHairpin</td><td>true</td><td>data a client sends to a peer that is another relay of this
 *     server (two clients of this server talking relay to relay) is handed to that allocation in process instead
 *     of leaving through one relay socket and arriving on the other; permissions, channels and counters apply
 *     exactly as on the wire</td></tr>
 * <tr><td>tlsEnabled</td><td>false</td><td>TURN over TLS-over-TCP (RFC 8656 sections 3.1 and 5, "turns:"): an extra
 *     listener with the same framing as the TCP listeners behind TLS 1.2/1.3. Independent of protocolMode. If it
 *     cannot start (no keystore, wrong password) UDP/TCP TURN still runs and alarm {@code turn-tls-failed} is
 *     raised</td></tr>
 * <tr><td>tlsPort</td><td>5349</td><td>the "turns:" default port; 0 = ephemeral (tests)</td></tr>
 * <tr><td>tlsKeyStore</td><td>null</td><td>path of a PKCS12 keystore with the server key and certificate chain;
 *     null = TLS cannot start. The file is watched (last-modified time, size, file key, checked every few
 *     seconds): a changed file is loaded for new connections without a restart; a broken file keeps the previous
 *     certificate and logs a warning</td></tr>
 * <tr><td>tlsKeyStorePassword</td><td>null</td><td>keystore (and key) password; null = empty</td></tr>
 * <tr><td>maintenanceMode</td><td>false</td><td>Maintenance mode (seed 001): new allocations are refused (300 Try
 * Alternate with an alternate server, else 508), existing ones are refreshed, relay and end as usual; live</td></tr>
 * </table>
 * Fixed by the RFCs rather than configurable: allocation lifetime 600 s default / 3600 s maximum, permissions
 * 300 s, channel bindings 600 s, reservations 30 s.
 */
public record TurnConfig(
        boolean enabled,
        boolean tcp443Enabled,
        int tcp443Port,
        boolean portMultiplexing,
        int requestsPort,
        int requestsPortRangeStart,
        int requestsPortRangeEnd,
        ProtocolMode protocolMode,
        boolean delegatedCredentialChecking,
        String realm,
        int mediaPortRangeStart,
        int mediaPortRangeEnd,
        boolean allowUnauthenticatedStunBinding,
        List<String> peerAllow,
        List<String> peerDeny,
        Map<String, String> credentials,
        String sharedSecret,
        int unauthorizedPerSecond,
        List<AlternateServer> alternateServers,
        int maxRelays,
        int userQuota,
        Duration nonceLifetime,
        String relayAddress,
        String relayAddressV6,
        int maxDatagramSize,
        int maxTcpConnections,
        boolean strictChannelNumbers,
        boolean internalHairpin,
        boolean tlsEnabled,
        int tlsPort,
        String tlsKeyStore,
        String tlsKeyStorePassword,
        boolean maintenanceMode) {

    /** Defaults that the constructor also falls back to (null or non-positive given). */
    static final String DEFAULT_REALM = "TANDBERG";
    static final Duration DEFAULT_NONCE_LIFETIME = Duration.ofSeconds(600);
    static final int DEFAULT_MAX_DATAGRAM = 4096;

    /** Relays on Small and Medium systems (B-TURN-08). */
    public static final int SMALL_MEDIUM_RELAYS = 1800;
    /** Relays on Large systems (B-TURN-09). */
    public static final int LARGE_RELAYS = 6000;
    /** Relays per request port when Large spreads them over a port range (B-TURN-09). */
    public static final int RELAYS_PER_PORT = 1000;

    /** {@code xConfiguration Traversal Server TURN ProtocolMode}. */
    public enum ProtocolMode {
        UDP, TCP, UDP_AND_TCP;

        public boolean udp() {
            return this != TCP;
        }

        public boolean tcp() {
            return this != UDP;
        }
    }

    /**
     * A cluster peer that can take allocations when this node is full.
     *
     * @param host       IP address literal of the peer's TURN request port
     * @param port       its TURN request port
     * @param freeRelays relays it currently has free
     */
    public record AlternateServer(String host, int port, int freeRelays) {
        public AlternateServer {
            Objects.requireNonNull(host, "host");
            checkPort(port, "alternate server port");
        }
    }

    public TurnConfig {
        checkPort(tcp443Port, "tcp443Port");
        checkPort(tlsPort, "tlsPort");
        checkPort(requestsPort, "requestsPort");
        checkPort(requestsPortRangeStart, "requestsPortRangeStart");
        checkPort(requestsPortRangeEnd, "requestsPortRangeEnd");
        checkPort(mediaPortRangeStart, "mediaPortRangeStart");
        checkPort(mediaPortRangeEnd, "mediaPortRangeEnd");
        if (requestsPortRangeEnd < requestsPortRangeStart) {
            throw new IllegalArgumentException("requests port range end before start");
        }
        if (mediaPortRangeStart != 0 && mediaPortRangeEnd < mediaPortRangeStart) {
            throw new IllegalArgumentException("media port range end before start");
        }
        protocolMode = protocolMode == null ? ProtocolMode.UDP_AND_TCP : protocolMode;
        realm = realm == null || realm.isBlank() ? DEFAULT_REALM : realm;
        peerAllow = List.copyOf(peerAllow == null ? List.of() : peerAllow);
        peerDeny = List.copyOf(peerDeny == null ? List.of() : peerDeny);
        credentials = credentials == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new LinkedHashMap<>(credentials));
        sharedSecret = sharedSecret == null || sharedSecret.isEmpty() ? null : sharedSecret;
        alternateServers = List.copyOf(alternateServers == null ? List.of() : alternateServers);
        nonceLifetime = nonceLifetime == null ? DEFAULT_NONCE_LIFETIME : nonceLifetime;
        if (nonceLifetime.isNegative() || nonceLifetime.isZero()) {
            throw new IllegalArgumentException("nonceLifetime must be positive");
        }
        if (unauthorizedPerSecond < 0 || maxRelays < 0 || userQuota < 0 || maxTcpConnections < 0) {
            throw new IllegalArgumentException("limits must not be negative");
        }
        maxDatagramSize = maxDatagramSize <= 0 ? DEFAULT_MAX_DATAGRAM : Math.min(maxDatagramSize, 65_507);
        tlsKeyStore = tlsKeyStore == null || tlsKeyStore.isBlank() ? null : tlsKeyStore;
    }

    /** Like the generated one, but passwords and the shared secret are masked (configurations get logged). */
    @Override
    public String toString() {
        return "TurnConfig[enabled=" + enabled + ", tcp443Enabled=" + tcp443Enabled + ", tcp443Port=" + tcp443Port
                + ", portMultiplexing=" + portMultiplexing + ", requestsPort=" + requestsPort
                + ", requestsPortRange=" + requestsPortRangeStart + "-" + requestsPortRangeEnd
                + ", protocolMode=" + protocolMode + ", delegatedCredentialChecking=" + delegatedCredentialChecking
                + ", realm=" + realm + ", mediaPortRange=" + mediaPortRangeStart + "-" + mediaPortRangeEnd
                + ", allowUnauthenticatedStunBinding=" + allowUnauthenticatedStunBinding + ", peerAllow=" + peerAllow
                + ", peerDeny=" + peerDeny + ", credentials=" + credentials.keySet() + " (passwords hidden)"
                + ", sharedSecret=" + (sharedSecret == null ? "null" : "***")
                + ", unauthorizedPerSecond=" + unauthorizedPerSecond + ", alternateServers=" + alternateServers
                + ", maxRelays=" + maxRelays + ", userQuota=" + userQuota + ", nonceLifetime=" + nonceLifetime
                + ", relayAddress=" + relayAddress + ", relayAddressV6=" + relayAddressV6
                + ", maxDatagramSize=" + maxDatagramSize + ", maxTcpConnections=" + maxTcpConnections
                + ", strictChannelNumbers=" + strictChannelNumbers + ", internalHairpin=" + internalHairpin
                + ", tlsEnabled=" + tlsEnabled + ", tlsPort=" + tlsPort + ", tlsKeyStore=" + tlsKeyStore
                + ", tlsKeyStorePassword=" + (tlsKeyStorePassword == null ? "null" : "***")
                + ", maintenanceMode=" + maintenanceMode + "]";
    }

    private static void checkPort(int port, String name) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(name + " out of range: " + port);
        }
    }

    /** The documented defaults (TURN Off). */
    public static TurnConfig defaults() {
        return builder().build();
    }

    /** Same as {@link #defaults()}. */
    public static TurnConfig disabled() {
        return defaults();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * This configuration with the parts of {@code other} a running TURN server takes live: the credentials (local
     * database users and the shared secret) and maintenance mode. Whatever else differs needs a restart.
     */
    public TurnConfig withLiveSettingsOf(TurnConfig other) {
        return toBuilder().credentials(other.credentials).sharedSecret(other.sharedSecret)
                .maintenanceMode(other.maintenanceMode).build();
    }

    /** Relay capacity for a system size: {@code maxRelays} if set, else 1800 (Small/Medium) or 6000 (Large). */
    public int effectiveMaxRelays(SystemSize size) {
        if (maxRelays > 0) {
            return maxRelays;
        }
        return size == SystemSize.LARGE ? LARGE_RELAYS : SMALL_MEDIUM_RELAYS;
    }

    /** True when the request ports are the Large range (Large with multiplexing Off). */
    public boolean usesPortRange(SystemSize size) {
        return usesPortRange(size, portMultiplexing);
    }

    /** The TURN request ports for a system size (one port, or the Large range). */
    public List<Integer> requestPorts(SystemSize size) {
        return requestPorts(size, portMultiplexing, requestsPort, requestsPortRangeStart, requestsPortRangeEnd);
    }

    /**
     * The Large-system port rule, the one place it is written (B-TURN-09, P33.F03-F06): a Large system with TURN
     * port multiplexing Off listens on the request port range; otherwise on the one request port.
     */
    public static boolean usesPortRange(SystemSize size, boolean portMultiplexing) {
        return size == SystemSize.LARGE && !portMultiplexing;
    }

    /** The request ports that rule gives (an empty list for a range whose end is below its start). */
    public static List<Integer> requestPorts(SystemSize size, boolean portMultiplexing, int port, int rangeStart,
            int rangeEnd) {
        if (!usesPortRange(size, portMultiplexing)) {
            return List.of(port);
        }
        return java.util.stream.IntStream.rangeClosed(rangeStart, rangeEnd).boxed().toList();
    }

    /** Mutable builder pre-filled with the defaults. */
    public static final class Builder {
        private boolean enabled;
        private boolean tcp443Enabled;
        private int tcp443Port = 443;
        private boolean portMultiplexing;
        private int requestsPort = 3478;
        private int requestsPortRangeStart = 3478;
        private int requestsPortRangeEnd = 3483;
        private ProtocolMode protocolMode = ProtocolMode.UDP_AND_TCP;
        private boolean delegatedCredentialChecking;
        private String realm = DEFAULT_REALM;
        private int mediaPortRangeStart = 24_000;
        private int mediaPortRangeEnd = 29_999;
        private boolean allowUnauthenticatedStunBinding;
        private List<String> peerAllow = List.of();
        private List<String> peerDeny = List.of();
        private Map<String, String> credentials = Map.of();
        private String sharedSecret;
        private int unauthorizedPerSecond = 100;
        private List<AlternateServer> alternateServers = List.of();
        private int maxRelays;
        private int userQuota;
        private Duration nonceLifetime = DEFAULT_NONCE_LIFETIME;
        private String relayAddress;
        private String relayAddressV6;
        private int maxDatagramSize = DEFAULT_MAX_DATAGRAM;
        private int maxTcpConnections;
        private boolean strictChannelNumbers;
        private boolean internalHairpin = true;
        private boolean tlsEnabled;
        private int tlsPort = 5349;
        private String tlsKeyStore;
        private String tlsKeyStorePassword;
        private boolean maintenanceMode;

        private Builder() {
        }

        private Builder(TurnConfig c) {
            enabled = c.enabled;
            tcp443Enabled = c.tcp443Enabled;
            tcp443Port = c.tcp443Port;
            portMultiplexing = c.portMultiplexing;
            requestsPort = c.requestsPort;
            requestsPortRangeStart = c.requestsPortRangeStart;
            requestsPortRangeEnd = c.requestsPortRangeEnd;
            protocolMode = c.protocolMode;
            delegatedCredentialChecking = c.delegatedCredentialChecking;
            realm = c.realm;
            mediaPortRangeStart = c.mediaPortRangeStart;
            mediaPortRangeEnd = c.mediaPortRangeEnd;
            allowUnauthenticatedStunBinding = c.allowUnauthenticatedStunBinding;
            peerAllow = c.peerAllow;
            peerDeny = c.peerDeny;
            credentials = c.credentials;
            sharedSecret = c.sharedSecret;
            unauthorizedPerSecond = c.unauthorizedPerSecond;
            alternateServers = c.alternateServers;
            maxRelays = c.maxRelays;
            userQuota = c.userQuota;
            nonceLifetime = c.nonceLifetime;
            relayAddress = c.relayAddress;
            relayAddressV6 = c.relayAddressV6;
            maxDatagramSize = c.maxDatagramSize;
            maxTcpConnections = c.maxTcpConnections;
            strictChannelNumbers = c.strictChannelNumbers;
            internalHairpin = c.internalHairpin;
            tlsEnabled = c.tlsEnabled;
            tlsPort = c.tlsPort;
            tlsKeyStore = c.tlsKeyStore;
            tlsKeyStorePassword = c.tlsKeyStorePassword;
            maintenanceMode = c.maintenanceMode;
        }

        public Builder enabled(boolean v) { enabled = v; return this; }
        public Builder tcp443Enabled(boolean v) { tcp443Enabled = v; return this; }
        public Builder tcp443Port(int v) { tcp443Port = v; return this; }
        public Builder portMultiplexing(boolean v) { portMultiplexing = v; return this; }
        public Builder requestsPort(int v) { requestsPort = v; return this; }
        public Builder requestsPortRange(int start, int end) {
            requestsPortRangeStart = start;
            requestsPortRangeEnd = end;
            return this;
        }
        public Builder requestsPortRangeStart(int v) { requestsPortRangeStart = v; return this; }
        public Builder requestsPortRangeEnd(int v) { requestsPortRangeEnd = v; return this; }
        public Builder mediaPortRangeStart(int v) { mediaPortRangeStart = v; return this; }
        public Builder mediaPortRangeEnd(int v) { mediaPortRangeEnd = v; return this; }
        public Builder protocolMode(ProtocolMode v) { protocolMode = v; return this; }
        public Builder delegatedCredentialChecking(boolean v) { delegatedCredentialChecking = v; return this; }
        public Builder realm(String v) { realm = v; return this; }
        public Builder mediaPortRange(int start, int end) {
            mediaPortRangeStart = start;
            mediaPortRangeEnd = end;
            return this;
        }
        public Builder allowUnauthenticatedStunBinding(boolean v) { allowUnauthenticatedStunBinding = v; return this; }
        public Builder peerAllow(List<String> v) { peerAllow = v; return this; }
        public Builder peerDeny(List<String> v) { peerDeny = v; return this; }
        public Builder credentials(Map<String, String> v) { credentials = v; return this; }
        public Builder sharedSecret(String v) { sharedSecret = v; return this; }
        public Builder unauthorizedPerSecond(int v) { unauthorizedPerSecond = v; return this; }
        public Builder alternateServers(List<AlternateServer> v) { alternateServers = v; return this; }
        public Builder maxRelays(int v) { maxRelays = v; return this; }
        public Builder userQuota(int v) { userQuota = v; return this; }
        public Builder nonceLifetime(Duration v) { nonceLifetime = v; return this; }
        public Builder relayAddress(String v) { relayAddress = v; return this; }
        public Builder relayAddressV6(String v) { relayAddressV6 = v; return this; }
        public Builder maxDatagramSize(int v) { maxDatagramSize = v; return this; }
        public Builder maxTcpConnections(int v) { maxTcpConnections = v; return this; }
        public Builder strictChannelNumbers(boolean v) { strictChannelNumbers = v; return this; }
        public Builder internalHairpin(boolean v) { internalHairpin = v; return this; }
        public Builder tlsEnabled(boolean v) { tlsEnabled = v; return this; }
        public Builder tlsPort(int v) { tlsPort = v; return this; }
        public Builder tlsKeyStore(String v) { tlsKeyStore = v; return this; }
        public Builder tlsKeyStore(java.nio.file.Path v) { tlsKeyStore = v == null ? null : v.toString(); return this; }
        public Builder tlsKeyStorePassword(String v) { tlsKeyStorePassword = v; return this; }
        public Builder maintenanceMode(boolean v) { maintenanceMode = v; return this; }

        public TurnConfig build() {
            return new TurnConfig(enabled, tcp443Enabled, tcp443Port, portMultiplexing, requestsPort,
                    requestsPortRangeStart, requestsPortRangeEnd, protocolMode, delegatedCredentialChecking, realm,
                    mediaPortRangeStart, mediaPortRangeEnd, allowUnauthenticatedStunBinding, peerAllow, peerDeny,
                    credentials, sharedSecret, unauthorizedPerSecond, alternateServers, maxRelays, userQuota,
                    nonceLifetime, relayAddress, relayAddressV6, maxDatagramSize, maxTcpConnections,
                    strictChannelNumbers, internalHairpin, tlsEnabled, tlsPort, tlsKeyStore, tlsKeyStorePassword,
                    maintenanceMode);
        }
    }
}
