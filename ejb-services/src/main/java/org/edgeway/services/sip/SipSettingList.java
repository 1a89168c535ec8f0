package org.edgeway.services.sip;

import org.edgeway.persistence.sip.SipSettings;
import org.edgeway.services.settings.Setting;
import org.edgeway.services.settings.SettingList;

/**
 * Configuration &gt; Protocols &gt; SIP, one declaration per setting: log label, form and entity accessors, engine
 * mapping. Defaults are the form's initial values (the engine's).
 */
final class SipSettingList {

    private SipSettingList() {
    }

    static final SettingList<SipSettingsForm, SipSettings, SipProtocolDraft> SETTINGS = new SettingList<>(
            Setting.<SipSettingsForm, SipSettings, SipProtocolDraft, Boolean>named("SIP mode")
                    .form(SipSettingsForm::isEnabled, SipSettingsForm::setEnabled).shown(Setting::onOff)
                    .stored(SipSettings::isEnabled, SipSettings::setEnabled, (d, v) -> d.enabled = v),
            Setting.<SipSettingsForm, SipSettings, SipProtocolDraft, Boolean>named("UDP mode")
                    .form(SipSettingsForm::isUdpEnabled, SipSettingsForm::setUdpEnabled).shown(Setting::onOff)
                    .stored(SipSettings::isUdpEnabled, SipSettings::setUdpEnabled, (d, v) -> d.udpEnabled = v),
            Setting.<SipSettingsForm, SipSettings, SipProtocolDraft, Integer>named("UDP port")
                    .form(SipSettingsForm::getUdpPort, SipSettingsForm::setUdpPort)
                    .stored(SipSettings::getUdpPort, SipSettings::setUdpPort, (d, v) -> d.udpPort = v),
            Setting.<SipSettingsForm, SipSettings, SipProtocolDraft, Boolean>named("TCP mode")
                    .form(SipSettingsForm::isTcpEnabled, SipSettingsForm::setTcpEnabled).shown(Setting::onOff)
                    .stored(SipSettings::isTcpEnabled, SipSettings::setTcpEnabled, (d, v) -> d.tcpEnabled = v),
            Setting.<SipSettingsForm, SipSettings, SipProtocolDraft, Integer>named("TCP port")
                    .form(SipSettingsForm::getTcpPort, SipSettingsForm::setTcpPort)
                    .stored(SipSettings::getTcpPort, SipSettings::setTcpPort, (d, v) -> d.tcpPort = v),
            Setting.<SipSettingsForm, SipSettings, SipProtocolDraft, Boolean>named("TLS mode")
                    .form(SipSettingsForm::isTlsEnabled, SipSettingsForm::setTlsEnabled).shown(Setting::onOff)
                    .stored(SipSettings::isTlsEnabled, SipSettings::setTlsEnabled, (d, v) -> d.tlsEnabled = v),
            Setting.<SipSettingsForm, SipSettings, SipProtocolDraft, Integer>named("TLS port")
                    .form(SipSettingsForm::getTlsPort, SipSettingsForm::setTlsPort)
                    .stored(SipSettings::getTlsPort, SipSettings::setTlsPort, (d, v) -> d.tlsPort = v),
            Setting.<SipSettingsForm, SipSettings, SipProtocolDraft, Integer>named("TLS handshake timeout")
                    .form(SipSettingsForm::getTlsHandshakeTimeout, SipSettingsForm::setTlsHandshakeTimeout)
                    .stored(SipSettings::getTlsHandshakeTimeout, SipSettings::setTlsHandshakeTimeout, (d, v) -> d.tlsHandshakeTimeout = v),
            Setting.<SipSettingsForm, SipSettings, SipProtocolDraft, Integer>named("Standard registration refresh minimum")
                    .form(SipSettingsForm::getRegistrationMinimum, SipSettingsForm::setRegistrationMinimum)
                    .stored(SipSettings::getRegistrationMinimum, SipSettings::setRegistrationMinimum, (d, v) -> d.registrationMinimum = v),
            Setting.<SipSettingsForm, SipSettings, SipProtocolDraft, Integer>named("Standard registration refresh maximum")
                    .form(SipSettingsForm::getRegistrationMaximum, SipSettingsForm::setRegistrationMaximum)
                    .stored(SipSettings::getRegistrationMaximum, SipSettings::setRegistrationMaximum, (d, v) -> d.registrationMaximum = v),
            Setting.<SipSettingsForm, SipSettings, SipProtocolDraft, String>named("Digest algorithms")
                    .form(f -> f.getDigestAlgorithms().name(),
                            (f, v) -> f.setDigestAlgorithms(DigestAlgorithmChoice.valueOf(v)))
                    .shown(v -> DigestAlgorithmChoice.valueOf(v).getLabel())
                    .stored(SipSettings::getDigestAlgorithms, SipSettings::setDigestAlgorithms,
                            (d, v) -> d.digestAlgorithms = DigestAlgorithmChoice.valueOf(v)));
}
