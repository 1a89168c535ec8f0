package org.edgeway.engine.sip;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.edgeway.engine.sip.auth.DigestAlgorithm;
import org.edgeway.engine.zones.SearchRule;
import org.edgeway.engine.zones.ZoneConfig;

/**
 * Immutable SIP edge settings: Configuration &gt; Protocols &gt; SIP (P14), the domains (P28), the zones (P29/P30),
 * the search rules of the dial plan, the local authentication database and the node's TLS material. The EJB side
 * builds one from persisted settings; the engine applies changes live where it can (domains, rules, credentials,
 * digest algorithms, zones other than the one whose connection changed) and restarts only the listener whose mode
 * or port changed.
 *
 * <p><b>Defaults</b> ({@link #defaults()}; the one place they are written):
 * <table>
 * <caption>SIP defaults</caption>
 * <tr><th>component</th><th>default</th><th>meaning</th></tr>
 * <tr><td>enabled</td><td>false</td><td>"SIP mode" (P14.F01): Off on new installs</td></tr>
 * <tr><td>udp / tcp / tls</td><td>Off 5060 / On 5060 / On 5061</td><td>listener mode and port; 0 = ephemeral
 *     (tests)</td></tr>
 * <tr><td>tlsHandshakeTimeout</td><td>5 s</td><td>a TLS connection that has not finished its handshake by then is
 *     closed</td></tr>
 * <tr><td>registrationMinimum / Maximum</td><td>45 s / 60 s</td><td>standard registration refresh limits: a
 *     shorter Expires gets 423 Interval Too Brief with Min-Expires, a longer one is lowered</td></tr>
 * <tr><td>realm</td><td>"TANDBERG"</td><td>digest realm for the local database</td></tr>
 * <tr><td>domains / zones / searchRules</td><td>[]</td><td>see {@link SipDomain}, {@link ZoneConfig},
 *     {@link SearchRule}</td></tr>
 * <tr><td>credentials</td><td>{}</td><td>local authentication database: name to password (digest for devices,
 *     traversal clients authenticating to a traversal server zone)</td></tr>
 * <tr><td>maintenanceMode</td><td>false</td><td>new registrations and dialogs get 503, existing dialogs
 *     continue</td></tr>
 * <tr><td>tlsKeyStore / Password</td><td>null</td><td>PKCS12 file with the node's key and certificate (the one
 *     the console serves); null = TLS listeners and traversal cannot start</td></tr>
 * <tr><td>trustedCertificates</td><td>[]</td><td>PEM certificates (Maintenance &gt; Security &gt; Trusted CA
 *     certificate) against which TLS verify checks a peer</td></tr>
 * <tr><td>digestAlgorithms</td><td>[SHA_256, MD5]</td><td>digest challenges offered, most preferred first
 *     (RFC 8760); null or empty = the default. "MD5 only" serves clients such as SIPp that give up on a first
 *     challenge they cannot compute; applied live</td></tr>
 * </table>
 *
 * @param enabled              SIP mode
 * @param udp                  UDP listener
 * @param tcp                  TCP listener
 * @param tls                  TLS listener
 * @param tlsHandshakeTimeout  TLS handshake limit
 * @param registrationMinimum  shortest registration accepted
 * @param registrationMaximum  longest registration granted
 * @param realm                digest realm
 * @param domains              SIP domains of this node
 * @param zones                configured zones (neighbor, traversal client/server, UC traversal)
 * @param searchRules          the dial plan
 * @param credentials          local authentication database
 * @param maintenanceMode      maintenance mode (seed 001)
 * @param tlsKeyStore          node key and certificate
 * @param tlsKeyStorePassword  its password
 * @param trustedCertificates  trusted CA certificates, PEM
 * @param digestAlgorithms     digest algorithms challenged with, most preferred first
 */
public record SipConfig(
        boolean enabled,
        Listener udp,
        Listener tcp,
        Listener tls,
        Duration tlsHandshakeTimeout,
        Duration registrationMinimum,
        Duration registrationMaximum,
        String realm,
        List<SipDomain> domains,
        List<ZoneConfig> zones,
        List<SearchRule> searchRules,
        Map<String, String> credentials,
        boolean maintenanceMode,
        String tlsKeyStore,
        String tlsKeyStorePassword,
        List<String> trustedCertificates,
        List<DigestAlgorithm> digestAlgorithms) {

    public static final int DEFAULT_PORT = 5060;
    public static final int DEFAULT_TLS_PORT = 5061;
    public static final String DEFAULT_REALM = "TANDBERG";
    /** RFC 8760 order: a client answers the topmost challenge it supports. */
    public static final List<DigestAlgorithm> DEFAULT_DIGEST_ALGORITHMS = List.of(DigestAlgorithm.SHA_256,
            DigestAlgorithm.MD5);

    public SipConfig {
        Objects.requireNonNull(udp, "udp");
        Objects.requireNonNull(tcp, "tcp");
        Objects.requireNonNull(tls, "tls");
        tlsHandshakeTimeout = tlsHandshakeTimeout == null ? Duration.ofSeconds(5) : tlsHandshakeTimeout;
        registrationMinimum = registrationMinimum == null ? Duration.ofSeconds(45) : registrationMinimum;
        registrationMaximum = registrationMaximum == null ? Duration.ofSeconds(60) : registrationMaximum;
        if (registrationMaximum.compareTo(registrationMinimum) < 0) {
            throw new IllegalArgumentException("registration maximum below minimum");
        }
        realm = realm == null || realm.isBlank() ? DEFAULT_REALM : realm;
        domains = List.copyOf(domains == null ? List.of() : domains);
        zones = List.copyOf(zones == null ? List.of() : zones);
        searchRules = List.copyOf(searchRules == null ? List.of() : searchRules);
        credentials = Map.copyOf(credentials == null ? Map.of() : credentials);
        trustedCertificates = List.copyOf(trustedCertificates == null ? List.of() : trustedCertificates);
        digestAlgorithms = digestAlgorithms == null || digestAlgorithms.isEmpty() ? DEFAULT_DIGEST_ALGORITHMS
                : List.copyOf(digestAlgorithms);
    }

    public static SipConfig defaults() {
        return new SipConfig(false, new Listener(false, DEFAULT_PORT), new Listener(true, DEFAULT_PORT),
                new Listener(true, DEFAULT_TLS_PORT), null, null, null, null, null, null, null, null, false, null,
                null, null, null);
    }

    /*
     * Each feature on the EJB side contributes its own part (SIP page, domains, zones, dial plan, local database,
     * certificates) by replacing only that part, so the order contributors run in does not matter.
     */

    public SipConfig withProtocol(boolean enabled, Listener udp, Listener tcp, Listener tls,
            Duration tlsHandshakeTimeout, Duration registrationMinimum, Duration registrationMaximum) {
        return new SipConfig(enabled, udp, tcp, tls, tlsHandshakeTimeout, registrationMinimum, registrationMaximum,
                realm, domains, zones, searchRules, credentials, maintenanceMode, tlsKeyStore, tlsKeyStorePassword,
                trustedCertificates, digestAlgorithms);
    }

    public SipConfig withDomains(List<SipDomain> domains) {
        return new SipConfig(enabled, udp, tcp, tls, tlsHandshakeTimeout, registrationMinimum, registrationMaximum,
                realm, domains, zones, searchRules, credentials, maintenanceMode, tlsKeyStore, tlsKeyStorePassword,
                trustedCertificates, digestAlgorithms);
    }

    public SipConfig withZones(List<ZoneConfig> zones) {
        return new SipConfig(enabled, udp, tcp, tls, tlsHandshakeTimeout, registrationMinimum, registrationMaximum,
                realm, domains, zones, searchRules, credentials, maintenanceMode, tlsKeyStore, tlsKeyStorePassword,
                trustedCertificates, digestAlgorithms);
    }

    public SipConfig withSearchRules(List<SearchRule> searchRules) {
        return new SipConfig(enabled, udp, tcp, tls, tlsHandshakeTimeout, registrationMinimum, registrationMaximum,
                realm, domains, zones, searchRules, credentials, maintenanceMode, tlsKeyStore, tlsKeyStorePassword,
                trustedCertificates, digestAlgorithms);
    }

    public SipConfig withCredentials(String realm, Map<String, String> credentials) {
        return new SipConfig(enabled, udp, tcp, tls, tlsHandshakeTimeout, registrationMinimum, registrationMaximum,
                realm, domains, zones, searchRules, credentials, maintenanceMode, tlsKeyStore, tlsKeyStorePassword,
                trustedCertificates, digestAlgorithms);
    }

    public SipConfig withMaintenanceMode(boolean maintenanceMode) {
        return new SipConfig(enabled, udp, tcp, tls, tlsHandshakeTimeout, registrationMinimum, registrationMaximum,
                realm, domains, zones, searchRules, credentials, maintenanceMode, tlsKeyStore, tlsKeyStorePassword,
                trustedCertificates, digestAlgorithms);
    }

    public SipConfig withTls(String tlsKeyStore, String tlsKeyStorePassword, List<String> trustedCertificates) {
        return new SipConfig(enabled, udp, tcp, tls, tlsHandshakeTimeout, registrationMinimum, registrationMaximum,
                realm, domains, zones, searchRules, credentials, maintenanceMode, tlsKeyStore, tlsKeyStorePassword,
                trustedCertificates, digestAlgorithms);
    }

    public SipConfig withDigestAlgorithms(List<DigestAlgorithm> digestAlgorithms) {
        return new SipConfig(enabled, udp, tcp, tls, tlsHandshakeTimeout, registrationMinimum, registrationMaximum,
                realm, domains, zones, searchRules, credentials, maintenanceMode, tlsKeyStore, tlsKeyStorePassword,
                trustedCertificates, digestAlgorithms);
    }

    /**
     * One SIP listener (UDP, TCP or TLS mode and port on the SIP page).
     *
     * @param on   mode On/Off
     * @param port port; 0 = ephemeral (tests)
     */
    public record Listener(boolean on, int port) {
        public Listener {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }
    }

    /**
     * A SIP domain (Configuration &gt; Domains, P28); only the flag the engine acts on is carried.
     *
     * @param name          domain name, lower case
     * @param registrations "SIP registrations and provisioning on Expressway" (P28.F02): this node is the registrar
     */
    public record SipDomain(String name, boolean registrations) {
        public SipDomain {
            Objects.requireNonNull(name, "name");
        }
    }
}
