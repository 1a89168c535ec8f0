package org.edgeway.web.api;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.edgeway.services.zones.ZoneForm;
import org.edgeway.services.zones.ZoneRow;

/** What the API shows of zones: settings (the password only as a "set" flag) and status. */
public final class ZoneJson {

    private ZoneJson() {
    }

    /** One zone's settings; fields its type does not have are null (peers empty). */
    public record Zone(int id, String name, String type, int hopCount, boolean sipEnabled, String transport, int port,
            List<String> peers, boolean tlsVerify, String tlsVerifySubjectName, String username, boolean passwordSet,
            String authenticationPolicy, String mediaEncryption, boolean iceSupport, boolean icePassthrough,
            int keepAliveSeconds) {
        static Zone of(ZoneForm f) {
            return new Zone(f.getId(), f.getName(), f.getTypeName(), f.getHopCount(), f.isSipEnabled(),
                    f.getTransportName(), f.getPort(),
                    Stream.of(f.getPeer1(), f.getPeer2(), f.getPeer3(), f.getPeer4(), f.getPeer5(), f.getPeer6())
                            .filter(Objects::nonNull).toList(),
                    f.isTlsVerify(), f.getTlsVerifySubjectName(), f.getUsername(), f.isPasswordSet(),
                    f.getAuthenticationPolicyName(), f.getMediaEncryptionName(), f.isIceSupport(),
                    f.isIcePassthrough(), f.getKeepAliveSeconds());
        }
    }

    /** A zone in the list and in Status &gt; Zones. */
    public record Status(int id, String name, String type, String status, String reason, String peer) {
        static Status of(ZoneRow r) {
            return new Status(r.id(), r.name(), r.type(), r.status(), r.reason(), r.peer());
        }
    }
}
