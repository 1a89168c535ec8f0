package org.edgeway.engine.ice;

import java.util.List;
import org.edgeway.engine.sdp.MediaDescription;
import org.edgeway.engine.sdp.SessionDescription;

/** The SDP attributes of ICE (RFC 8839 5) and whether a description offers ICE at all. */
public final class IceAttributes {

    /** Lines that let the endpoints find paths around this node: removed on the B2BUA path, kept on passthrough. */
    public static final List<String> ALL = List.of("candidate", "remote-candidates", "ice-ufrag", "ice-pwd",
            "ice-options", "ice-lite", "ice-mismatch", "ice-pacing");

    private IceAttributes() {
    }

    /** Whether an active media section of this description carries at least one well-formed candidate. */
    public static boolean offered(SessionDescription sdp) {
        for (MediaDescription m : sdp.media()) {
            if (m.port() != 0 && m.attributes("candidate").stream().anyMatch(c -> IceCandidate.parse(c) != null)) {
                return true;
            }
        }
        return false;
    }
}
