package org.edgeway.services.turn;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import org.edgeway.engine.turn.TurnConfig;

/**
 * Configuration &gt; Traversal &gt; TURN: the fields of seed 003's table (defaults from {@link TurnConfig#defaults()}), plus the CLI-only
 * protocol mode and Edgeway's additions (STUN Binding policy, peer allow/deny lists, time-limited credentials,
 * 401 rate limit). Peer lists are CIDRs, one per line.
 */
public class TurnSettingsForm implements Serializable {

    /** The engine's documented defaults ({@link TurnConfig}) are the page's: one place for each. */
    private static final TurnConfig DEFAULTS = TurnConfig.defaults();
    private static final String PORT_MESSAGE = "must be a port between 1024 and 65535";

    private boolean enabled = DEFAULTS.enabled();
    private boolean tcp443Enabled = DEFAULTS.tcp443Enabled();
    private boolean portMultiplexing = DEFAULTS.portMultiplexing();
    @Min(value = 1024, message = PORT_MESSAGE)
    @Max(value = 65535, message = PORT_MESSAGE)
    private int requestsPort = DEFAULTS.requestsPort();
    @Min(value = 1024, message = PORT_MESSAGE)
    @Max(value = 65535, message = PORT_MESSAGE)
    private int requestsPortRangeStart = DEFAULTS.requestsPortRangeStart();
    @Min(value = 1024, message = PORT_MESSAGE)
    @Max(value = 65535, message = PORT_MESSAGE)
    private int requestsPortRangeEnd = DEFAULTS.requestsPortRangeEnd();
    @NotNull
    private TurnConfig.ProtocolMode protocolMode = DEFAULTS.protocolMode();
    private boolean delegatedCredentialChecking = DEFAULTS.delegatedCredentialChecking();
    @NotBlank
    @Size(max = 128, message = "must be at most 128 characters")
    @Pattern(regexp = "[^\"\\p{Cntrl}]*", message = "may not contain quotes or control characters")
    private String realm = DEFAULTS.realm();
    @Min(value = 1024, message = PORT_MESSAGE)
    @Max(value = 65535, message = PORT_MESSAGE)
    private int mediaPortRangeStart = DEFAULTS.mediaPortRangeStart();
    @Min(value = 1024, message = PORT_MESSAGE)
    @Max(value = 65535, message = PORT_MESSAGE)
    private int mediaPortRangeEnd = DEFAULTS.mediaPortRangeEnd();
    private boolean allowUnauthenticatedStunBinding = DEFAULTS.allowUnauthenticatedStunBinding();
    @Size(max = 4000, message = "must be at most 4000 characters")
    private String peerAllow;
    @Size(max = 4000, message = "must be at most 4000 characters")
    private String peerDeny;
    @Size(max = 256, message = "must be at most 256 characters")
    private String sharedSecret;
    @Min(value = 0, message = "must be between 0 (unlimited) and 100000")
    @Max(value = 100000, message = "must be between 0 (unlimited) and 100000")
    private int unauthorizedPerSecond = DEFAULTS.unauthorizedPerSecond();
    private boolean tlsEnabled = DEFAULTS.tlsEnabled();
    @Min(value = 1024, message = PORT_MESSAGE)
    @Max(value = 65535, message = PORT_MESSAGE)
    private int tlsPort = DEFAULTS.tlsPort();

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

    /** The mode's constant name, for callers that may not see engine types (the REST API). */
    public String getProtocolModeName() {
        return getProtocolMode() == null ? null : getProtocolMode().name();
    }

    public TurnConfig.ProtocolMode getProtocolMode() {
        return protocolMode;
    }

    public void setProtocolMode(TurnConfig.ProtocolMode protocolMode) {
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
        this.realm = realm == null ? null : realm.trim();
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

    public boolean isAllowUnauthenticatedStunBinding() {
        return allowUnauthenticatedStunBinding;
    }

    public void setAllowUnauthenticatedStunBinding(boolean allowUnauthenticatedStunBinding) {
        this.allowUnauthenticatedStunBinding = allowUnauthenticatedStunBinding;
    }

    public String getPeerAllow() {
        return peerAllow;
    }

    public void setPeerAllow(String peerAllow) {
        this.peerAllow = blankToNull(peerAllow);
    }

    public String getPeerDeny() {
        return peerDeny;
    }

    public void setPeerDeny(String peerDeny) {
        this.peerDeny = blankToNull(peerDeny);
    }

    /** Write-only: reads back as null; "unchanged" on save when null and {@link #isClearSharedSecret()} is false. */
    public String getSharedSecret() {
        return sharedSecret;
    }

    public void setSharedSecret(String sharedSecret) {
        this.sharedSecret = blankToNull(sharedSecret);
    }

    private boolean clearSharedSecret;
    private boolean sharedSecretSet;

    public boolean isClearSharedSecret() {
        return clearSharedSecret;
    }

    public void setClearSharedSecret(boolean clearSharedSecret) {
        this.clearSharedSecret = clearSharedSecret;
    }

    /** Whether a shared secret is stored (time-limited credentials on). */
    public boolean isSharedSecretSet() {
        return sharedSecretSet;
    }

    public void setSharedSecretSet(boolean sharedSecretSet) {
        this.sharedSecretSet = sharedSecretSet;
    }

    public int getUnauthorizedPerSecond() {
        return unauthorizedPerSecond;
    }

    public void setUnauthorizedPerSecond(int unauthorizedPerSecond) {
        this.unauthorizedPerSecond = unauthorizedPerSecond;
    }

    /** TURN over TLS ("turns:") with the node's server certificate. */
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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
