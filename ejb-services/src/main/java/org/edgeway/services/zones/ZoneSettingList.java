package org.edgeway.services.zones;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.edgeway.engine.zones.ZoneConfig;
import org.edgeway.engine.zones.ZoneConfig.AuthenticationPolicy;
import org.edgeway.engine.zones.ZoneConfig.MediaEncryption;
import org.edgeway.engine.zones.ZoneConfig.Transport;
import org.edgeway.engine.zones.ZoneConfig.ZoneType;
import org.edgeway.persistence.zones.Zone;
import org.edgeway.services.settings.Setting;
import org.edgeway.services.settings.SettingList;

/**
 * Create / Edit zone, one declaration per setting: log label, form and entity accessors, engine mapping. The
 * traversal client's password is write-only and encrypted, so {@link ZoneService} handles it apart. Enums are
 * stored by name; the log shows the console's labels ({@link ZoneLabels}).
 */
final class ZoneSettingList {

    private ZoneSettingList() {
    }

    static final SettingList<ZoneForm, Zone, ZoneDraft> SETTINGS = new SettingList<>(
            Setting.<ZoneForm, Zone, ZoneDraft, String>named("Name")
                    .form(ZoneForm::getName, ZoneForm::setName)
                    .stored(Zone::getName, Zone::setName, (d, v) -> d.name = v),
            Setting.<ZoneForm, Zone, ZoneDraft, String>named("Type")
                    .form(f -> f.getType().name(), (f, v) -> f.setType(ZoneType.valueOf(v)))
                    .shown(v -> ZoneLabels.type(ZoneType.valueOf(v)))
                    .stored(Zone::getType, Zone::setType, (d, v) -> d.type = ZoneType.valueOf(v)),
            Setting.<ZoneForm, Zone, ZoneDraft, Integer>named("Hop count")
                    .form(ZoneForm::getHopCount, ZoneForm::setHopCount)
                    .stored(Zone::getHopCount, Zone::setHopCount, (d, v) -> d.hopCount = v),
            Setting.<ZoneForm, Zone, ZoneDraft, Boolean>named("SIP mode")
                    .form(ZoneForm::isSipEnabled, ZoneForm::setSipEnabled).shown(Setting::onOff)
                    .stored(Zone::isSipEnabled, Zone::setSipEnabled, (d, v) -> d.sipEnabled = v),
            Setting.<ZoneForm, Zone, ZoneDraft, String>named("SIP transport")
                    .form(f -> f.getTransport().name(), (f, v) -> f.setTransport(Transport.valueOf(v)))
                    .stored(Zone::getTransport, Zone::setTransport, (d, v) -> d.transport = Transport.valueOf(v)),
            Setting.<ZoneForm, Zone, ZoneDraft, Integer>named("SIP port")
                    .form(ZoneForm::getPort, ZoneForm::setPort)
                    .stored(Zone::getPort, Zone::setPort, (d, v) -> d.port = v),
            peer(1, ZoneForm::getPeer1, ZoneForm::setPeer1),
            peer(2, ZoneForm::getPeer2, ZoneForm::setPeer2),
            peer(3, ZoneForm::getPeer3, ZoneForm::setPeer3),
            peer(4, ZoneForm::getPeer4, ZoneForm::setPeer4),
            peer(5, ZoneForm::getPeer5, ZoneForm::setPeer5),
            peer(6, ZoneForm::getPeer6, ZoneForm::setPeer6),
            Setting.<ZoneForm, Zone, ZoneDraft, Boolean>named("TLS verify mode")
                    .form(ZoneForm::isTlsVerify, ZoneForm::setTlsVerify).shown(Setting::onOff)
                    .stored(Zone::isTlsVerify, Zone::setTlsVerify, (d, v) -> d.tlsVerify = v),
            Setting.<ZoneForm, Zone, ZoneDraft, String>named("TLS verify subject name")
                    .form(ZoneForm::getTlsVerifySubjectName, ZoneForm::setTlsVerifySubjectName)
                    .stored(Zone::getTlsVerifySubjectName, Zone::setTlsVerifySubjectName,
                            (d, v) -> d.tlsVerifySubjectName = v),
            Setting.<ZoneForm, Zone, ZoneDraft, String>named("Username")
                    .form(ZoneForm::getUsername, ZoneForm::setUsername)
                    .stored(Zone::getUsername, Zone::setUsername, (d, v) -> d.username = v),
            Setting.<ZoneForm, Zone, ZoneDraft, String>named("Authentication policy")
                    .form(f -> f.getAuthenticationPolicy().name(),
                            (f, v) -> f.setAuthenticationPolicy(AuthenticationPolicy.valueOf(v)))
                    .shown(v -> ZoneLabels.authenticationPolicy(AuthenticationPolicy.valueOf(v)))
                    .stored(Zone::getAuthenticationPolicy, Zone::setAuthenticationPolicy,
                            (d, v) -> d.authenticationPolicy = AuthenticationPolicy.valueOf(v)),
            Setting.<ZoneForm, Zone, ZoneDraft, String>named("Media encryption mode")
                    .form(f -> f.getMediaEncryption().name(),
                            (f, v) -> f.setMediaEncryption(MediaEncryption.valueOf(v)))
                    .shown(v -> ZoneLabels.mediaEncryption(MediaEncryption.valueOf(v)))
                    .stored(Zone::getMediaEncryption, Zone::setMediaEncryption,
                            (d, v) -> d.mediaEncryption = MediaEncryption.valueOf(v)),
            Setting.<ZoneForm, Zone, ZoneDraft, Boolean>named("ICE support")
                    .form(ZoneForm::isIceSupport, ZoneForm::setIceSupport).shown(Setting::onOff)
                    .stored(Zone::isIceSupport, Zone::setIceSupport, (d, v) -> d.iceSupport = v),
            Setting.<ZoneForm, Zone, ZoneDraft, Boolean>named("ICE Passthrough support")
                    .form(ZoneForm::isIcePassthrough, ZoneForm::setIcePassthrough).shown(Setting::onOff)
                    .stored(Zone::isIcePassthrough, Zone::setIcePassthrough, (d, v) -> d.icePassthrough = v),
            Setting.<ZoneForm, Zone, ZoneDraft, Integer>named("Keep-alive interval")
                    .form(ZoneForm::getKeepAliveSeconds, ZoneForm::setKeepAliveSeconds)
                    .stored(Zone::getKeepAliveSeconds, Zone::setKeepAliveSeconds, (d, v) -> d.keepAliveSeconds = v));

    /** Peer N address: stored as line N of the zone's peers (empty lines keep the positions). */
    private static Setting<ZoneForm, Zone, ZoneDraft> peer(int n, Function<ZoneForm, String> get,
            BiConsumer<ZoneForm, String> set) {
        return Setting.<ZoneForm, Zone, ZoneDraft, String>named("Peer " + n + " address")
                .form(get, set)
                .stored(z -> peerLines(z.getPeers()).get(n - 1), (z, v) -> z.setPeers(withPeer(z.getPeers(), n, v)),
                        (d, v) -> d.peers[n - 1] = v);
    }

    static List<String> peerLines(String stored) {
        List<String> lines = new ArrayList<>(stored == null ? List.of() : Arrays.asList(stored.split("\n", -1)));
        lines.replaceAll(l -> l.isEmpty() ? null : l);
        while (lines.size() < ZoneConfig.MAX_PEERS) {
            lines.add(null);
        }
        return lines;
    }

    private static String withPeer(String stored, int n, String value) {
        List<String> lines = peerLines(stored);
        lines.set(n - 1, value);
        while (!lines.isEmpty() && lines.get(lines.size() - 1) == null) {
            lines.remove(lines.size() - 1);
        }
        return lines.isEmpty() ? null
                : String.join("\n", lines.stream().map(l -> l == null ? "" : l).toList());
    }
}
