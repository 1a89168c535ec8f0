package org.edgeway.services.zones;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.edgeway.engine.zones.ZoneConfig;
import org.edgeway.engine.zones.ZoneConfig.AuthenticationPolicy;
import org.edgeway.engine.zones.ZoneConfig.MediaEncryption;
import org.edgeway.engine.zones.ZoneConfig.Transport;
import org.edgeway.engine.zones.ZoneConfig.ZoneType;
import org.edgeway.services.validation.HostOrIp;

/**
 * Create / Edit zone (P30). Defaults are the engine's ({@link ZoneConfig}); a null port is given the type's default
 * when saved (the next traversal server port, B-TRAV-04). The password is write-only: null keeps the stored one.
 * Choosing the Unified Communications traversal type sets the values that type forces.
 */
public class ZoneForm implements Serializable {

    private static final String PORT_MESSAGE = "must be a port between 1 and 65535";
    /** The engine's keep-alive default, read where the engine writes it. */
    static final int DEFAULT_KEEP_ALIVE_SECONDS = (int) new ZoneConfig(0, "", ZoneType.TRAVERSAL_CLIENT, 0, true,
            Transport.TLS, 0, null, false, null, null, null, AuthenticationPolicy.DO_NOT_CHECK_CREDENTIALS,
            MediaEncryption.AUTO, false, false, null).keepAliveInterval().toSeconds();

    private Integer id;
    @NotBlank
    @Size(max = 50, message = "must be at most 50 characters")
    @Pattern(regexp = "[^\\p{Cntrl}\"<>]*", message = "may not contain quotes, angle brackets or control characters")
    private String name;
    @NotNull
    private ZoneType type = ZoneType.NEIGHBOR;
    @Min(value = 1, message = "must be between 1 and 255")
    @Max(value = 255, message = "must be between 1 and 255")
    private int hopCount = ZoneConfig.DEFAULT_HOP_COUNT;
    private boolean sipEnabled = true;
    @NotNull
    private Transport transport = Transport.TLS;
    @Min(value = 1, message = PORT_MESSAGE)
    @Max(value = 65535, message = PORT_MESSAGE)
    private Integer port;
    @HostOrIp
    @Size(max = 255, message = "must be at most 255 characters")
    private String peer1;
    @HostOrIp
    @Size(max = 255, message = "must be at most 255 characters")
    private String peer2;
    @HostOrIp
    @Size(max = 255, message = "must be at most 255 characters")
    private String peer3;
    @HostOrIp
    @Size(max = 255, message = "must be at most 255 characters")
    private String peer4;
    @HostOrIp
    @Size(max = 255, message = "must be at most 255 characters")
    private String peer5;
    @HostOrIp
    @Size(max = 255, message = "must be at most 255 characters")
    private String peer6;
    private boolean tlsVerify;
    @HostOrIp(message = "must be a host or cluster name (or IP address) from the peer certificate")
    @Size(max = 255, message = "must be at most 255 characters")
    private String tlsVerifySubjectName;
    @Size(max = 128, message = "must be at most 128 characters")
    @Pattern(regexp = "[^:\\p{Cntrl}\\s]*", message = "may not contain ':', spaces or control characters")
    private String username;
    @Size(max = 128, message = "must be at most 128 characters")
    private String password;
    private boolean passwordSet;
    @NotNull
    private AuthenticationPolicy authenticationPolicy = AuthenticationPolicy.DO_NOT_CHECK_CREDENTIALS;
    @NotNull
    private MediaEncryption mediaEncryption = MediaEncryption.AUTO;
    private boolean iceSupport;
    private boolean icePassthrough;
    @Min(value = 1, message = "must be between 1 and 3600 seconds")
    @Max(value = 3600, message = "must be between 1 and 3600 seconds")
    private int keepAliveSeconds = DEFAULT_KEEP_ALIVE_SECONDS;

    /** The Unified Communications traversal zone's forced values (B-TRAV-13): SIP TLS, TLS verify On, Force encrypted. */
    public boolean isForced() {
        return type == ZoneType.UNIFIED_COMMUNICATIONS_TRAVERSAL;
    }

    void applyForced() {
        if (isForced()) {
            transport = Transport.TLS;
            tlsVerify = true;
            mediaEncryption = MediaEncryption.FORCE_ENCRYPTED;
        }
    }

    /** Peer 1..6 addresses in order, empty ones included. */
    List<String> peers() {
        return Arrays.asList(peer1, peer2, peer3, peer4, peer5, peer6);
    }

    /** Clears what the zone's role does not have, so nothing of another type is stored. */
    void keepOnly(ZoneRole role) {
        if (!role.hasPeers()) {
            peer1 = peer2 = peer3 = peer4 = peer5 = peer6 = null;
        }
        if (!role.hasUsername()) {
            username = null;
        }
        if (!role.hasPassword()) {
            password = null;
        }
        if (!role.hasSubjectName()) {
            tlsVerifySubjectName = null;
        }
        if (!role.hasKeepAlive()) {
            keepAliveSeconds = DEFAULT_KEEP_ALIVE_SECONDS;
        }
    }

    public Integer getId() {
        return id;
    }

    public void setId(Integer id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = trim(name);
    }

    public ZoneType getType() {
        return type;
    }

    public void setType(ZoneType type) {
        this.type = type;
        applyForced();
    }

    /** The type's constant name, for callers that may not see engine types (the REST API). */
    public String getTypeName() {
        return type == null ? null : type.name();
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

    public Transport getTransport() {
        return transport;
    }

    public void setTransport(Transport transport) {
        this.transport = transport;
    }

    public String getTransportName() {
        return transport == null ? null : transport.name();
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public String getPeer1() {
        return peer1;
    }

    public void setPeer1(String peer1) {
        this.peer1 = trim(peer1);
    }

    public String getPeer2() {
        return peer2;
    }

    public void setPeer2(String peer2) {
        this.peer2 = trim(peer2);
    }

    public String getPeer3() {
        return peer3;
    }

    public void setPeer3(String peer3) {
        this.peer3 = trim(peer3);
    }

    public String getPeer4() {
        return peer4;
    }

    public void setPeer4(String peer4) {
        this.peer4 = trim(peer4);
    }

    public String getPeer5() {
        return peer5;
    }

    public void setPeer5(String peer5) {
        this.peer5 = trim(peer5);
    }

    public String getPeer6() {
        return peer6;
    }

    public void setPeer6(String peer6) {
        this.peer6 = trim(peer6);
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
        this.tlsVerifySubjectName = trim(tlsVerifySubjectName);
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = trim(username);
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password == null || password.isEmpty() ? null : password;
    }

    /** Whether a password is stored (it is never shown back). */
    public boolean isPasswordSet() {
        return passwordSet;
    }

    void setPasswordSet(boolean passwordSet) {
        this.passwordSet = passwordSet;
    }

    public AuthenticationPolicy getAuthenticationPolicy() {
        return authenticationPolicy;
    }

    public void setAuthenticationPolicy(AuthenticationPolicy authenticationPolicy) {
        this.authenticationPolicy = authenticationPolicy;
    }

    public String getAuthenticationPolicyName() {
        return authenticationPolicy == null ? null : authenticationPolicy.name();
    }

    public MediaEncryption getMediaEncryption() {
        return mediaEncryption;
    }

    public void setMediaEncryption(MediaEncryption mediaEncryption) {
        this.mediaEncryption = mediaEncryption;
    }

    public String getMediaEncryptionName() {
        return mediaEncryption == null ? null : mediaEncryption.name();
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

    /** The peers as one list for callers that set them together (the REST API). */
    public void setPeers(List<String> peers) {
        List<String> p = new ArrayList<>(peers == null ? List.of() : peers);
        while (p.size() < ZoneConfig.MAX_PEERS) {
            p.add(null);
        }
        setPeer1(p.get(0));
        setPeer2(p.get(1));
        setPeer3(p.get(2));
        setPeer4(p.get(3));
        setPeer5(p.get(4));
        setPeer6(p.get(5));
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
