package org.edgeway.persistence.sip;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * Configuration &gt; Protocols &gt; SIP (P14): a single row, id 1, written at the first save; until then the
 * engine's defaults apply. Timeouts and registration limits are in seconds.
 */
@Entity
@Table(name = "sip_settings")
public class SipSettings {

    public static final int SINGLETON_ID = 1;

    @Id
    private int id = SINGLETON_ID;
    @Column(nullable = false)
    private boolean enabled;
    @Column(name = "udp_enabled", nullable = false)
    private boolean udpEnabled;
    @Column(name = "udp_port", nullable = false)
    private int udpPort;
    @Column(name = "tcp_enabled", nullable = false)
    private boolean tcpEnabled;
    @Column(name = "tcp_port", nullable = false)
    private int tcpPort;
    @Column(name = "tls_enabled", nullable = false)
    private boolean tlsEnabled;
    @Column(name = "tls_port", nullable = false)
    private int tlsPort;
    @Column(name = "tls_handshake_timeout", nullable = false)
    private int tlsHandshakeTimeout;
    @Column(name = "registration_minimum", nullable = false)
    private int registrationMinimum;
    @Column(name = "registration_maximum", nullable = false)
    private int registrationMaximum;
    /** The name of the services' choice ("SHA_256_AND_MD5", "MD5", "SHA_256"). */
    @Column(name = "digest_algorithms", nullable = false, length = 16)
    private String digestAlgorithms;
    @Version
    private long version;

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

    public int getTlsHandshakeTimeout() {
        return tlsHandshakeTimeout;
    }

    public void setTlsHandshakeTimeout(int tlsHandshakeTimeout) {
        this.tlsHandshakeTimeout = tlsHandshakeTimeout;
    }

    public int getRegistrationMinimum() {
        return registrationMinimum;
    }

    public void setRegistrationMinimum(int registrationMinimum) {
        this.registrationMinimum = registrationMinimum;
    }

    public int getRegistrationMaximum() {
        return registrationMaximum;
    }

    public void setRegistrationMaximum(int registrationMaximum) {
        this.registrationMaximum = registrationMaximum;
    }

    public String getDigestAlgorithms() {
        return digestAlgorithms;
    }

    public void setDigestAlgorithms(String digestAlgorithms) {
        this.digestAlgorithms = digestAlgorithms;
    }
}
