package org.edgeway.services.sip;

import java.time.Duration;
import org.edgeway.engine.sip.SipConfig;

/**
 * The SIP page's values on their way to the engine: {@link SipSettingList} fills it setting by setting, then it
 * replaces only the page's part (protocol, digest algorithms) of a {@link SipConfig} (other features contribute
 * zones and certificates).
 */
final class SipProtocolDraft {

    boolean enabled;
    boolean udpEnabled;
    int udpPort;
    boolean tcpEnabled;
    int tcpPort;
    boolean tlsEnabled;
    int tlsPort;
    int tlsHandshakeTimeout;
    int registrationMinimum;
    int registrationMaximum;
    DigestAlgorithmChoice digestAlgorithms;

    SipConfig applyTo(SipConfig config) {
        return config.withProtocol(enabled, new SipConfig.Listener(udpEnabled, udpPort),
                new SipConfig.Listener(tcpEnabled, tcpPort), new SipConfig.Listener(tlsEnabled, tlsPort),
                Duration.ofSeconds(tlsHandshakeTimeout), Duration.ofSeconds(registrationMinimum),
                Duration.ofSeconds(registrationMaximum))
                .withDigestAlgorithms(digestAlgorithms.forEngine());
    }
}
