package org.edgeway.persistence.turn;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * Configuration &gt; Traversal &gt; TURN (seed 003 "Configuring TURN Services"): a single row, id 1. Defaults are
 * the seed's (port 3478, range 3478-3483, realm TANDBERG, media 24000-29999) and are set by the service at first
 * use. Peer allow/deny lists are CIDRs separated by new lines.
 */
@Entity
@Table(name = "turn_settings")
public class TurnSettings {

    public static final int SINGLETON_ID = 1;

    @Id
    private int id = SINGLETON_ID;
    @Column(nullable = false)
    private boolean enabled;
    @Column(name = "tcp443_enabled", nullable = false)
    private boolean tcp443Enabled;
    @Column(name = "port_multiplexing", nullable = false)
    private boolean portMultiplexing;
    @Column(name = "requests_port", nullable = false)
    private int requestsPort;
    @Column(name = "requests_port_range_start", nullable = false)
    private int requestsPortRangeStart;
    @Column(name = "requests_port_range_end", nullable = false)
    private int requestsPortRangeEnd;
    /** {@code UDP}, {@code TCP} or {@code UDP_AND_TCP}. */
    @Column(name = "protocol_mode", nullable = false)
    private String protocolMode;
    @Column(name = "delegated_credential_checking", nullable = false)
    private boolean delegatedCredentialChecking;
    @Column(nullable = false)
    private String realm;
    @Column(name = "media_port_range_start", nullable = false)
    private int mediaPortRangeStart;
    @Column(name = "media_port_range_end", nullable = false)
    private int mediaPortRangeEnd;
    @Column(name = "allow_unauthenticated_stun", nullable = false)
    private boolean allowUnauthenticatedStun;
    @Column(name = "peer_allow")
    private String peerAllow;
    @Column(name = "peer_deny")
    private String peerDeny;
    @Column(name = "shared_secret_encrypted")
    private String sharedSecretEncrypted;
    @Column(name = "unauthorized_per_second", nullable = false)
    private int unauthorizedPerSecond;
    @Column(name = "tls_enabled", nullable = false)
    private boolean tlsEnabled;
    @Column(name = "tls_port", nullable = false)
    private int tlsPort = 5349;
    @Version
    private long version;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isTcp443Enabled() {
        return tcp443Enabled;
    }

    public void setTcp443Enabled(boolean tcp443Enabled) {
        this.tcp443Enabled = tcp443Enabled;
    }

    public boolean isPortMultiplexing() {
        return portMultiplexing;
    }

    public void setPortMultiplexing(boolean portMultiplexing) {
        this.portMultiplexing = portMultiplexing;
    }

    public int getRequestsPort() {
        return requestsPort;
    }

    public void setRequestsPort(int requestsPort) {
        this.requestsPort = requestsPort;
    }

    public int getRequestsPortRangeStart() {
        return requestsPortRangeStart;
    }

    public void setRequestsPortRangeStart(int requestsPortRangeStart) {
        this.requestsPortRangeStart = requestsPortRangeStart;
    }

    public int getRequestsPortRangeEnd() {
        return requestsPortRangeEnd;
    }

    public void setRequestsPortRangeEnd(int requestsPortRangeEnd) {
        this.requestsPortRangeEnd = requestsPortRangeEnd;
    }

    public String getProtocolMode() {
        return protocolMode;
    }

    public void setProtocolMode(String protocolMode) {
        this.protocolMode = protocolMode;
    }

    public boolean isDelegatedCredentialChecking() {
        return delegatedCredentialChecking;
    }

    public void setDelegatedCredentialChecking(boolean delegatedCredentialChecking) {
        this.delegatedCredentialChecking = delegatedCredentialChecking;
    }

    public String getRealm() {
        return realm;
    }

    public void setRealm(String realm) {
        this.realm = realm;
    }

    public int getMediaPortRangeStart() {
        return mediaPortRangeStart;
    }

    public void setMediaPortRangeStart(int mediaPortRangeStart) {
        this.mediaPortRangeStart = mediaPortRangeStart;
    }

    public int getMediaPortRangeEnd() {
        return mediaPortRangeEnd;
    }

    public void setMediaPortRangeEnd(int mediaPortRangeEnd) {
        this.mediaPortRangeEnd = mediaPortRangeEnd;
    }

    public boolean isAllowUnauthenticatedStun() {
        return allowUnauthenticatedStun;
    }

    public void setAllowUnauthenticatedStun(boolean allowUnauthenticatedStun) {
        this.allowUnauthenticatedStun = allowUnauthenticatedStun;
    }

    public String getPeerAllow() {
        return peerAllow;
    }

    public void setPeerAllow(String peerAllow) {
        this.peerAllow = peerAllow;
    }

    public String getPeerDeny() {
        return peerDeny;
    }

    public void setPeerDeny(String peerDeny) {
        this.peerDeny = peerDeny;
    }

    public String getSharedSecretEncrypted() {
        return sharedSecretEncrypted;
    }

    public void setSharedSecretEncrypted(String sharedSecretEncrypted) {
        this.sharedSecretEncrypted = sharedSecretEncrypted;
    }

    public int getUnauthorizedPerSecond() {
        return unauthorizedPerSecond;
    }

    public void setUnauthorizedPerSecond(int unauthorizedPerSecond) {
        this.unauthorizedPerSecond = unauthorizedPerSecond;
    }

    public boolean isTlsEnabled() {
        return tlsEnabled;
    }

    public void setTlsEnabled(boolean tlsEnabled) {
        this.tlsEnabled = tlsEnabled;
    }

    public int getTlsPort() {
        return tlsPort;
    }

    public void setTlsPort(int tlsPort) {
        this.tlsPort = tlsPort;
    }
}
