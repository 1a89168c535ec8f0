package org.edgeway.services.turn;

import java.util.Arrays;
import java.util.List;
import org.edgeway.engine.turn.TurnConfig;
import org.edgeway.persistence.turn.TurnSettings;
import org.edgeway.services.settings.Setting;
import org.edgeway.services.settings.SettingList;

/**
 * Configuration &gt; Traversal &gt; TURN, one declaration per setting: log label, form and entity accessors, engine
 * mapping. Defaults are the form's initial values (what {@link TurnSettingsService#initialize()} stores); the time-limited
 * credentials' shared secret is write-only and encrypted, so {@link TurnSettingsService} handles it apart.
 */
final class TurnSettingList {

    private TurnSettingList() {
    }

    static final SettingList<TurnSettingsForm, TurnSettings, TurnConfig.Builder> SETTINGS = new SettingList<>(
            Setting.<TurnSettingsForm, TurnSettings, TurnConfig.Builder, Boolean>named("TURN services")
                    .form(TurnSettingsForm::isEnabled, TurnSettingsForm::setEnabled).shown(Setting::onOff)
                    .stored(TurnSettings::isEnabled, TurnSettings::setEnabled, TurnConfig.Builder::enabled),
            Setting.<TurnSettingsForm, TurnSettings, TurnConfig.Builder, Boolean>named("TCP 443 TURN service")
                    .form(TurnSettingsForm::isTcp443Enabled, TurnSettingsForm::setTcp443Enabled).shown(Setting::onOff)
                    .stored(TurnSettings::isTcp443Enabled, TurnSettings::setTcp443Enabled,
                            TurnConfig.Builder::tcp443Enabled),
            Setting.<TurnSettingsForm, TurnSettings, TurnConfig.Builder, Boolean>named("TURN port multiplexing")
                    .form(TurnSettingsForm::isPortMultiplexing, TurnSettingsForm::setPortMultiplexing)
                    .shown(Setting::onOff)
                    .stored(TurnSettings::isPortMultiplexing, TurnSettings::setPortMultiplexing,
                            TurnConfig.Builder::portMultiplexing),
            Setting.<TurnSettingsForm, TurnSettings, TurnConfig.Builder, Integer>named("TURN requests port")
                    .form(TurnSettingsForm::getRequestsPort, TurnSettingsForm::setRequestsPort)
                    .stored(TurnSettings::getRequestsPort, TurnSettings::setRequestsPort,
                            TurnConfig.Builder::requestsPort),
            Setting.<TurnSettingsForm, TurnSettings, TurnConfig.Builder, Integer>named("TURN requests port range start")
                    .form(TurnSettingsForm::getRequestsPortRangeStart, TurnSettingsForm::setRequestsPortRangeStart)
                    .stored(TurnSettings::getRequestsPortRangeStart, TurnSettings::setRequestsPortRangeStart,
                            TurnConfig.Builder::requestsPortRangeStart),
            Setting.<TurnSettingsForm, TurnSettings, TurnConfig.Builder, Integer>named("TURN requests port range end")
                    .form(TurnSettingsForm::getRequestsPortRangeEnd, TurnSettingsForm::setRequestsPortRangeEnd)
                    .stored(TurnSettings::getRequestsPortRangeEnd, TurnSettings::setRequestsPortRangeEnd,
                            TurnConfig.Builder::requestsPortRangeEnd),
            Setting.<TurnSettingsForm, TurnSettings, TurnConfig.Builder, String>named("Protocol mode")
                    .form(f -> f.getProtocolMode().name(),
                            (f, v) -> f.setProtocolMode(TurnConfig.ProtocolMode.valueOf(v)))
                    .stored(TurnSettings::getProtocolMode, TurnSettings::setProtocolMode,
                            (b, v) -> b.protocolMode(TurnConfig.ProtocolMode.valueOf(v))),
            Setting.<TurnSettingsForm, TurnSettings, TurnConfig.Builder, Boolean>named("Delegated credential checking")
                    .form(TurnSettingsForm::isDelegatedCredentialChecking,
                            TurnSettingsForm::setDelegatedCredentialChecking)
                    .shown(Setting::onOff)
                    .stored(TurnSettings::isDelegatedCredentialChecking, TurnSettings::setDelegatedCredentialChecking,
                            TurnConfig.Builder::delegatedCredentialChecking),
            Setting.<TurnSettingsForm, TurnSettings, TurnConfig.Builder, String>named("Authentication realm")
                    .form(TurnSettingsForm::getRealm, TurnSettingsForm::setRealm)
                    .stored(TurnSettings::getRealm, TurnSettings::setRealm, TurnConfig.Builder::realm),
            Setting.<TurnSettingsForm, TurnSettings, TurnConfig.Builder, Integer>named("Media port range start")
                    .form(TurnSettingsForm::getMediaPortRangeStart, TurnSettingsForm::setMediaPortRangeStart)
                    .stored(TurnSettings::getMediaPortRangeStart, TurnSettings::setMediaPortRangeStart,
                            TurnConfig.Builder::mediaPortRangeStart),
            Setting.<TurnSettingsForm, TurnSettings, TurnConfig.Builder, Integer>named("Media port range end")
                    .form(TurnSettingsForm::getMediaPortRangeEnd, TurnSettingsForm::setMediaPortRangeEnd)
                    .stored(TurnSettings::getMediaPortRangeEnd, TurnSettings::setMediaPortRangeEnd,
                            TurnConfig.Builder::mediaPortRangeEnd),
            Setting.<TurnSettingsForm, TurnSettings, TurnConfig.Builder, Boolean>named("Unauthenticated STUN Binding")
                    .form(TurnSettingsForm::isAllowUnauthenticatedStunBinding,
                            TurnSettingsForm::setAllowUnauthenticatedStunBinding)
                    .shown(Setting::onOff)
                    .stored(TurnSettings::isAllowUnauthenticatedStun, TurnSettings::setAllowUnauthenticatedStun,
                            TurnConfig.Builder::allowUnauthenticatedStunBinding),
            Setting.<TurnSettingsForm, TurnSettings, TurnConfig.Builder, String>named("Peer allow list")
                    .form(TurnSettingsForm::getPeerAllow, TurnSettingsForm::setPeerAllow)
                    .stored(TurnSettings::getPeerAllow, TurnSettings::setPeerAllow,
                            (b, v) -> b.peerAllow(lines(v))),
            Setting.<TurnSettingsForm, TurnSettings, TurnConfig.Builder, String>named("Peer deny list")
                    .form(TurnSettingsForm::getPeerDeny, TurnSettingsForm::setPeerDeny)
                    .stored(TurnSettings::getPeerDeny, TurnSettings::setPeerDeny, (b, v) -> b.peerDeny(lines(v))),
            Setting.<TurnSettingsForm, TurnSettings, TurnConfig.Builder, Integer>named(
                            "Unauthorized responses per second")
                    .form(TurnSettingsForm::getUnauthorizedPerSecond, TurnSettingsForm::setUnauthorizedPerSecond)
                    .stored(TurnSettings::getUnauthorizedPerSecond, TurnSettings::setUnauthorizedPerSecond,
                            TurnConfig.Builder::unauthorizedPerSecond),
            Setting.<TurnSettingsForm, TurnSettings, TurnConfig.Builder, Boolean>named("TURN over TLS")
                    .form(TurnSettingsForm::isTlsEnabled, TurnSettingsForm::setTlsEnabled).shown(Setting::onOff)
                    .stored(TurnSettings::isTlsEnabled, TurnSettings::setTlsEnabled, TurnConfig.Builder::tlsEnabled),
            Setting.<TurnSettingsForm, TurnSettings, TurnConfig.Builder, Integer>named("TURN TLS port")
                    .form(TurnSettingsForm::getTlsPort, TurnSettingsForm::setTlsPort)
                    .stored(TurnSettings::getTlsPort, TurnSettings::setTlsPort, TurnConfig.Builder::tlsPort));

    /** A peer list as stored (one CIDR per line, or comma separated) split into entries. */
    static List<String> lines(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.split("[\\r\\n,]+")).map(String::trim).filter(l -> !l.isEmpty()).toList();
    }
}
