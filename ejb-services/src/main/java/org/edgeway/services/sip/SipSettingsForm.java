package org.edgeway.services.sip;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import org.edgeway.engine.sip.SipConfig;

/**
 * Configuration &gt; Protocols &gt; SIP (P14): SIP mode, the UDP/TCP/TLS listeners, the TLS handshake timeout and
 * the standard registration refresh limits and the digest algorithms. Initial values are the engine's defaults
 * ({@link SipConfig#defaults()}).
 */
public class SipSettingsForm implements Serializable {

    private static final SipConfig DEFAULTS = SipConfig.defaults();
    private static final String PORT_MESSAGE = "must be a port between 1024 and 65535";
    private static final String REFRESH_MESSAGE = "must be between 10 and 7200 seconds";

    private boolean enabled = DEFAULTS.enabled();
    private boolean udpEnabled = DEFAULTS.udp().on();
    @Min(value = 1024, message = PORT_MESSAGE)
    @Max(value = 65535, message = PORT_MESSAGE)
    private int udpPort = DEFAULTS.udp().port();
    private boolean tcpEnabled = DEFAULTS.tcp().on();
    @Min(value = 1024, message = PORT_MESSAGE)
    @Max(value = 65535, message = PORT_MESSAGE)
    private int tcpPort = DEFAULTS.tcp().port();
    private boolean tlsEnabled = DEFAULTS.tls().on();
    @Min(value = 1024, message = PORT_MESSAGE)
    @Max(value = 65535, message = PORT_MESSAGE)
    private int tlsPort = DEFAULTS.tls().port();
    @Min(value = 1, message = "must be between 1 and 60 seconds")
    @Max(value = 60, message = "must be between 1 and 60 seconds")
    private int tlsHandshakeTimeout = (int) DEFAULTS.tlsHandshakeTimeout().toSeconds();
    @Min(value = 10, message = REFRESH_MESSAGE)
    @Max(value = 7200, message = REFRESH_MESSAGE)
    private int registrationMinimum = (int) DEFAULTS.registrationMinimum().toSeconds();
    @Min(value = 10, message = REFRESH_MESSAGE)
    @Max(value = 7200, message = REFRESH_MESSAGE)
    private int registrationMaximum = (int) DEFAULTS.registrationMaximum().toSeconds();
    @NotNull
    private DigestAlgorithmChoice digestAlgorithms = DigestAlgorithmChoice.of(DEFAULTS.digestAlgorithms());

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isUdpEnabled() {
        return udpEnabled;
    }

    public void setUdpEnabled(boolean udpEnabled) {
        this.udpEnabled = udpEnabled;
    }

    public int getUdpPort() {
        return udpPort;
    }

    public void setUdpPort(int udpPort) {
        this.udpPort = udpPort;
    }

    public boolean isTcpEnabled() {
        return tcpEnabled;
    }

    public void setTcpEnabled(boolean tcpEnabled) {
        this.tcpEnabled = tcpEnabled;
    }

    public int getTcpPort() {
        return tcpPort;
    }

    public void setTcpPort(int tcpPort) {
        this.tcpPort = tcpPort;
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

    /** Seconds. */
    public int getTlsHandshakeTimeout() {
        return tlsHandshakeTimeout;
    }

    public void setTlsHandshakeTimeout(int tlsHandshakeTimeout) {
        this.tlsHandshakeTimeout = tlsHandshakeTimeout;
    }

    /** Seconds: a shorter requested expiry is answered 423 Interval Too Brief. */
    public int getRegistrationMinimum() {
        return registrationMinimum;
    }

    public void setRegistrationMinimum(int registrationMinimum) {
        this.registrationMinimum = registrationMinimum;
    }

    /** Seconds: a longer requested expiry is lowered to this. */
    public int getRegistrationMaximum() {
        return registrationMaximum;
    }

    public void setRegistrationMaximum(int registrationMaximum) {
        this.registrationMaximum = registrationMaximum;
    }

    /** The digest challenges offered (RFC 8760). */
    public DigestAlgorithmChoice getDigestAlgorithms() {
        return digestAlgorithms;
    }

    public void setDigestAlgorithms(DigestAlgorithmChoice digestAlgorithms) {
        this.digestAlgorithms = digestAlgorithms;
    }
}
