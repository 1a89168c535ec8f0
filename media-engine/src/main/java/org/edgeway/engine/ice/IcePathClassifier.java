package org.edgeway.engine.ice;

import java.util.List;
import org.edgeway.engine.calls.IcePassthroughCallType;
import org.edgeway.engine.sdp.MediaDescription;
import org.edgeway.engine.sdp.SdpParseException;
import org.edgeway.engine.sdp.SessionDescription;

/**
 * Reads the ICE passthrough call type from the signalling. When ICE has concluded, the controlling agent sends an
 * updated offer (RFC 8839 4.2.4, RFC 5245 9.1.2.2) whose c=/m= default is the local candidate of the selected pair and
 * whose {@code a=remote-candidates} names the peer's; the types of those two candidates give the call type, as an
 * unordered pair (the six values of X14.3).
 *
 * <p>Peer-reflexive candidates count as server reflexive: both are a NAT's mapping of the endpoint's host address,
 * one learnt from a STUN server, the other from the peer's checks, and the seeds' six types have no prflx. A
 * selected address the other side never signalled as a candidate was necessarily learnt in the checks, so it is
 * peer-reflexive as well. The first active media section (the audio) decides: the endpoints select one pair per
 * stream, and the record has one call type.
 */
public final class IcePathClassifier {

    private IcePathClassifier() {
    }

    /**
     * The call type that {@code updatedOffer} reports, given the peer's last description with candidates (its offer
     * or answer as it was signalled); null when the offer does not conclude ICE (no {@code a=remote-candidates} on
     * an active section).
     */
    public static IcePassthroughCallType classify(SessionDescription updatedOffer, SessionDescription peer)
            throws SdpParseException {
        List<MediaDescription> media = updatedOffer.media();
        for (int i = 0; i < media.size(); i++) {
            MediaDescription m = media.get(i);
            String remote = m.attribute("remote-candidates");
            if (m.port() == 0 || remote == null) {
                continue;
            }
            CandidateType local = type(m, 1, updatedOffer.connection(m).address(), m.port());
            String[] triples = remote.trim().split(" ");
            if (triples.length < 3 || triples.length % 3 != 0) {
                throw new SdpParseException("a=remote-candidates needs <component-id> <address> <port>...: " + remote);
            }
            int at = 0; // the RTP component's entry (component 1), which RFC 8839 lists first anyway
            for (int t = 0; t < triples.length; t += 3) {
                if (triples[t].equals("1")) {
                    at = t;
                    break;
                }
            }
            int component;
            int port;
            try {
                component = Integer.parseInt(triples[at]);
                port = Integer.parseInt(triples[at + 2]);
            } catch (NumberFormatException e) {
                throw new SdpParseException("a=remote-candidates component and port are numbers: " + remote);
            }
            MediaDescription theirs = i < peer.media().size() ? peer.media().get(i) : null;
            CandidateType other = theirs == null ? CandidateType.PRFLX : type(theirs, component, triples[at + 1], port);
            return of(local, other);
        }
        return null;
    }

    /** The type of the section's candidate at that address, else peer-reflexive (see the class comment). */
    private static CandidateType type(MediaDescription m, int component, String address, int port) {
        for (String value : m.attributes("candidate")) {
            IceCandidate c = IceCandidate.parse(value);
            if (c != null && c.at(component, address, port)) {
                return c.type();
            }
        }
        return CandidateType.PRFLX;
    }

    /** The unordered pair of types as a call type. */
    static IcePassthroughCallType of(CandidateType a, CandidateType b) {
        int x = Math.min(rank(a), rank(b));
        int y = Math.max(rank(a), rank(b));
        return switch (x * 3 + y) {
            case 0 -> IcePassthroughCallType.HOST_TO_HOST;
            case 1 -> IcePassthroughCallType.HOST_TO_SRFLX;
            case 2 -> IcePassthroughCallType.HOST_TO_RELAY;
            case 4 -> IcePassthroughCallType.SRFLX_TO_SRFLX;
            case 5 -> IcePassthroughCallType.SRFLX_TO_RELAY;
            default -> IcePassthroughCallType.RELAY_TO_RELAY;
        };
    }

    /** host 0, reflexive (srflx, prflx) 1, relay 2. */
    private static int rank(CandidateType t) {
        return switch (t) {
            case HOST -> 0;
            case SRFLX, PRFLX -> 1;
            case RELAY -> 2;
        };
    }
}
