package org.edgeway.services.zones;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import org.edgeway.engine.zones.ZoneConfig;
import org.edgeway.engine.zones.ZoneConfig.AuthenticationPolicy;
import org.edgeway.engine.zones.ZoneConfig.MediaEncryption;
import org.edgeway.engine.zones.ZoneConfig.Transport;
import org.edgeway.engine.zones.ZoneConfig.ZoneType;

/** Collects one stored zone's values for the engine (the engine builder of {@link ZoneSettingList}). */
final class ZoneDraft {
    String name;
    ZoneType type;
    int hopCount;
    boolean sipEnabled;
    Transport transport;
    int port;
    final String[] peers = new String[ZoneConfig.MAX_PEERS];
    boolean tlsVerify;
    String tlsVerifySubjectName;
    String username;
    AuthenticationPolicy authenticationPolicy;
    MediaEncryption mediaEncryption;
    boolean iceSupport;
    boolean icePassthrough;
    int keepAliveSeconds;

    ZoneConfig build(int id, String password) {
        return new ZoneConfig(id, name, type, hopCount, sipEnabled, transport, port,
                Arrays.stream(peers).filter(Objects::nonNull).toList(), tlsVerify, tlsVerifySubjectName, username,
                password, authenticationPolicy, mediaEncryption, iceSupport, icePassthrough,
                Duration.ofSeconds(keepAliveSeconds));
    }
}
