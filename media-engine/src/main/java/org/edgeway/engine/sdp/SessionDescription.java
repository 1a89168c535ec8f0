package org.edgeway.engine.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * A session description (RFC 8866): its session-level lines (v, o, s, ... t, a) in order, and its media sections.
 * Immutable; the {@code with...} methods return rewritten copies. Read and written by {@link SdpCodec} only.
 */
public record SessionDescription(List<SdpLine> session, List<MediaDescription> media) {

    public SessionDescription {
        session = List.copyOf(session);
        media = List.copyOf(media);
    }

    /** The session-level c= line, or null. */
    public Connection connection() throws SdpParseException {
        for (SdpLine l : session) {
            if (l.type() == 'c') {
                return Connection.parse(l.value());
            }
        }
        return null;
    }

    /** The connection that applies to a media section: its own, else the session's. */
    public Connection connection(MediaDescription m) throws SdpParseException {
        Connection own = m.connection();
        return own != null ? own : connection();
    }

    /** Session-level a= values of this name. */
    public List<String> attributes(String name) {
        List<String> out = new ArrayList<>();
        for (SdpLine l : session) {
            if (name.equals(l.attributeName())) {
                String v = l.attributeValue();
                out.add(v == null ? "" : v);
            }
        }
        return out;
    }

    /** The highest b=AS or b=TIAS bandwidth in kbit/s over the session and its media, 0 when none. */
    public long bandwidthKbps() {
        long best = 0;
        List<SdpLine> all = new ArrayList<>(session);
        media.forEach(m -> all.addAll(m.lines()));
        for (SdpLine l : all) {
            if (l.type() != 'b') {
                continue;
            }
            int colon = l.value().indexOf(':');
            try {
                long v = Long.parseLong(l.value().substring(colon + 1).trim());
                String kind = l.value().substring(0, colon);
                best = Math.max(best, kind.equals("TIAS") ? v / 1000 : kind.equals("AS") ? v : 0);
            } catch (RuntimeException e) {
                // the codec accepted it; an unknown modifier counts as none
            }
        }
        return best;
    }

    /** A copy whose session-level c= (when present) names another address. */
    public SessionDescription withConnection(Connection connection) {
        List<SdpLine> next = new ArrayList<>();
        for (SdpLine l : session) {
            next.add(l.type() == 'c' ? new SdpLine('c', connection.value()) : l);
        }
        return new SessionDescription(next, media);
    }

    /** A copy without the session-level a= lines of these names (ICE lines a relay must not pass on). */
    public SessionDescription withoutAttributes(List<String> names) {
        List<SdpLine> next = new ArrayList<>();
        for (SdpLine l : session) {
            if (l.type() != 'a' || !names.contains(l.attributeName())) {
                next.add(l);
            }
        }
        return new SessionDescription(next, media);
    }

    /** A copy with other media sections. */
    public SessionDescription withMedia(List<MediaDescription> sections) {
        return new SessionDescription(session, sections);
    }

    /** A copy with the o= version incremented (RFC 3264 8: a changed description gets a higher version). */
    public SessionDescription withNextVersion() {
        List<SdpLine> next = new ArrayList<>();
        for (SdpLine l : session) {
            if (l.type() == 'o') {
                String[] p = l.value().split(" ");
                try {
                    p[2] = new java.math.BigInteger(p[2]).add(java.math.BigInteger.ONE).toString();
                } catch (NumberFormatException e) {
                    // the codec accepted it as written: leave it
                }
                next.add(new SdpLine('o', String.join(" ", p)));
            } else {
                next.add(l);
            }
        }
        return new SessionDescription(next, media);
    }
}
