package org.edgeway.persistence.zones;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A zone of Configuration &gt; Zones &gt; Zones. The id is the zone's number ({@code editzone?id=N}); enums are
 * stored by name, the peers one per line, the traversal client's password encrypted.
 */
@Entity
@Table(name = "zone")
@NamedQuery(name = Zone.ALL, query = "select z from Zone z order by z.id")
public class Zone {

    public static final String ALL = "Zone.all";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;
    @Column(nullable = false, unique = true)
    private String name;
    @Column(nullable = false)
    private String type;
    @Column(name = "hop_count", nullable = false)
    private int hopCount;
    @Column(name = "sip_enabled", nullable = false)
    private boolean sipEnabled;
    @Column(nullable = false)
    private String transport;
    @Column(nullable = false)
    private int port;
    private String peers;
    @Column(name = "tls_verify", nullable = false)
    private boolean tlsVerify;
    @Column(name = "tls_verify_subject_name")
    private String tlsVerifySubjectName;
    private String username;
    @Column(name = "password_encrypted")
    private String passwordEncrypted;
    @Column(name = "authentication_policy", nullable = false)
    private String authenticationPolicy;
    @Column(name = "media_encryption", nullable = false)
    private String mediaEncryption;
    @Column(name = "ice_support", nullable = false)
    private boolean iceSupport;
    @Column(name = "ice_passthrough", nullable = false)
    private boolean icePassthrough;
    @Column(name = "keep_alive_seconds", nullable = false)
    private int keepAliveSeconds;
    @Version
    private long version;

    public Integer getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public int getHopCount() {
        return hopCount;
    }

    public void setHopCount(int hopCount) {
        this.hopCount = hopCount;
    }

    public boolean isSipEnabled() {
        return sipEnabled;
    }

    public void setSipEnabled(boolean sipEnabled) {
        this.sipEnabled = sipEnabled;
    }

    public String getTransport() {
        return transport;
    }

    public void setTransport(String transport) {
        this.transport = transport;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public String getPeers() {
        return peers;
    }

    public void setPeers(String peers) {
        this.peers = peers;
    }

    public boolean isTlsVerify() {
        return tlsVerify;
    }

    public void setTlsVerify(boolean tlsVerify) {
        this.tlsVerify = tlsVerify;
    }

    public String getTlsVerifySubjectName() {
        return tlsVerifySubjectName;
    }

    public void setTlsVerifySubjectName(String tlsVerifySubjectName) {
        this.tlsVerifySubjectName = tlsVerifySubjectName;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPasswordEncrypted() {
        return passwordEncrypted;
    }

    public void setPasswordEncrypted(String passwordEncrypted) {
        this.passwordEncrypted = passwordEncrypted;
    }

    public String getAuthenticationPolicy() {
        return authenticationPolicy;
    }

    public void setAuthenticationPolicy(String authenticationPolicy) {
        this.authenticationPolicy = authenticationPolicy;
    }

    public String getMediaEncryption() {
        return mediaEncryption;
    }

    public void setMediaEncryption(String mediaEncryption) {
        this.mediaEncryption = mediaEncryption;
    }

    public boolean isIceSupport() {
        return iceSupport;
    }

    public void setIceSupport(boolean iceSupport) {
        this.iceSupport = iceSupport;
    }

    public boolean isIcePassthrough() {
        return icePassthrough;
    }

    public void setIcePassthrough(boolean icePassthrough) {
        this.icePassthrough = icePassthrough;
    }

    public int getKeepAliveSeconds() {
        return keepAliveSeconds;
    }

    public void setKeepAliveSeconds(int keepAliveSeconds) {
        this.keepAliveSeconds = keepAliveSeconds;
    }
}
