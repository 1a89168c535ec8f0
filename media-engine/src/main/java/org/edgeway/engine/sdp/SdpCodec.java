package org.edgeway.engine.sdp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes session descriptions (RFC 8866), strictly: v=0 first, then o= and s=, the other lines in the
 * order of section 9, at least one t=, a connection for every media section, well-formed o=, c=, t=, b= and m=
 * lines, no unknown line type. Accepts CRLF or LF line ends; writes CRLF. Stateless and thread-safe.
 */
public final class SdpCodec {

    /** Session-level line types in their RFC 8866 9 order (t and r repeat as a group). */
    private static final String SESSION_ORDER = "vosiuepcbtrzka";
    private static final String MEDIA_ORDER = "icbka";
    /** Types that may appear more than once at their level. */
    private static final String REPEATABLE = "epbtra";
    /** Longest description accepted (a SIP body never needs more). */
    public static final int MAX_LENGTH = 64 * 1024;

    private SdpCodec() {
    }

    public static SessionDescription decode(byte[] body) throws SdpParseException {
        if (body.length > MAX_LENGTH) {
            throw new SdpParseException("session description longer than " + MAX_LENGTH + " bytes");
        }
        return decode(new String(body, StandardCharsets.UTF_8));
    }

    public static SessionDescription decode(String text) throws SdpParseException {
        List<SdpLine> lines = lines(text);
        if (lines.size() < 3 || lines.get(0).type() != 'v' || lines.get(1).type() != 'o'
                || lines.get(2).type() != 's') {
            throw new SdpParseException("a session description starts with v=, o=, s=");
        }
        if (!lines.get(0).value().equals("0")) {
            throw new SdpParseException("unsupported SDP version v=" + lines.get(0).value());
        }
        checkOrigin(lines.get(1).value());
        List<SdpLine> session = new ArrayList<>();
        List<MediaDescription> media = new ArrayList<>();
        int i = 0;
        int last = -1;
        String seen = "";
        for (; i < lines.size() && lines.get(i).type() != 'm'; i++) {
            SdpLine l = lines.get(i);
            int at = SESSION_ORDER.indexOf(l.type());
            boolean timeGroup = (l.type() == 't' && last == SESSION_ORDER.indexOf('r'));
            if (at < 0 || (at < last && !timeGroup) || (at == last && REPEATABLE.indexOf(l.type()) < 0)) {
                throw new SdpParseException("line " + (i + 1) + " (" + l.type() + "=) is out of place at session "
                        + "level");
            }
            checkLine(l);
            last = at;
            seen += l.type();
            session.add(l);
        }
        if (seen.indexOf('t') < 0) {
            throw new SdpParseException("a session description needs a t= line");
        }
        boolean sessionConnection = seen.indexOf('c') >= 0;
        while (i < lines.size()) {
            SdpLine m = lines.get(i++);
            List<SdpLine> under = new ArrayList<>();
            last = -1;
            boolean connection = false;
            for (; i < lines.size() && lines.get(i).type() != 'm'; i++) {
                SdpLine l = lines.get(i);
                int at = MEDIA_ORDER.indexOf(l.type());
                boolean repeat = at == last && (REPEATABLE.indexOf(l.type()) >= 0 || l.type() == 'c');
                if (at < 0 || at < last || (at == last && !repeat)) {
                    throw new SdpParseException("line " + (i + 1) + " (" + l.type() + "=) is out of place in the "
                            + m.value().split(" ")[0] + " section");
                }
                checkLine(l);
                connection |= l.type() == 'c';
                last = at;
                under.add(l);
            }
            if (!connection && !sessionConnection) {
                throw new SdpParseException("media section " + (media.size() + 1) + " has no c= line and the "
                        + "session has none");
            }
            media.add(MediaDescription.parse(m.value(), under));
        }
        return new SessionDescription(session, media);
    }

    public static String encode(SessionDescription sdp) {
        StringBuilder b = new StringBuilder(512);
        for (SdpLine l : sdp.session()) {
            b.append(l.type()).append('=').append(l.value()).append("\r\n");
        }
        for (MediaDescription m : sdp.media()) {
            b.append("m=").append(m.mediaLine()).append("\r\n");
            for (SdpLine l : m.lines()) {
                b.append(l.type()).append('=').append(l.value()).append("\r\n");
            }
        }
        return b.toString();
    }

    public static byte[] encodeBytes(SessionDescription sdp) {
        return encode(sdp).getBytes(StandardCharsets.UTF_8);
    }

    private static List<SdpLine> lines(String text) throws SdpParseException {
        List<SdpLine> out = new ArrayList<>();
        String[] raw = text.split("\n", -1);
        for (int n = 0; n < raw.length; n++) {
            String line = raw[n].endsWith("\r") ? raw[n].substring(0, raw[n].length() - 1) : raw[n];
            if (line.isEmpty()) {
                if (n >= raw.length - 2 && allEmpty(raw, n)) {
                    break; // the final line end (or a blank line after it)
                }
                throw new SdpParseException("line " + (n + 1) + " is empty");
            }
            if (line.length() < 2 || line.charAt(1) != '=' || line.charAt(0) < 'a' || line.charAt(0) > 'z') {
                throw new SdpParseException("line " + (n + 1) + " is not <type>=<value>: " + line);
            }
            if (line.indexOf('\r') >= 0 || line.indexOf('\0') >= 0) {
                throw new SdpParseException("line " + (n + 1) + " holds CR or NUL");
            }
            char type = line.charAt(0);
            if ("vosiuepcbtrzkam".indexOf(type) < 0) {
                throw new SdpParseException("line " + (n + 1) + " has unknown type " + type + "=");
            }
            out.add(new SdpLine(type, line.substring(2)));
        }
        return out;
    }

    private static boolean allEmpty(String[] raw, int from) {
        for (int n = from; n < raw.length; n++) {
            if (!raw[n].isEmpty() && !raw[n].equals("\r")) {
                return false;
            }
        }
        return true;
    }

    private static void checkOrigin(String value) throws SdpParseException {
        String[] p = value.split(" ", -1);
        if (p.length != 6) {
            throw new SdpParseException("o= needs <username> <sess-id> <sess-version> <nettype> <addrtype> "
                    + "<address>: " + value);
        }
        for (int k : new int[] {1, 2}) {
            if (p[k].isEmpty() || !p[k].chars().allMatch(Character::isDigit)) {
                throw new SdpParseException("o= session id and version are numbers: " + value);
            }
        }
    }

    private static void checkLine(SdpLine l) throws SdpParseException {
        String v = l.value();
        switch (l.type()) {
            case 'c' -> Connection.parse(v);
            case 't' -> {
                String[] p = v.split(" ", -1);
                if (p.length != 2 || !digits(p[0]) || !digits(p[1])) {
                    throw new SdpParseException("t= needs <start-time> <stop-time>: " + v);
                }
            }
            case 'b' -> {
                int colon = v.indexOf(':');
                if (colon <= 0 || !digits(v.substring(colon + 1))) {
                    throw new SdpParseException("b= needs <bwtype>:<bandwidth>: " + v);
                }
            }
            case 'a' -> {
                String name = l.attributeName();
                if (name.isEmpty() || name.indexOf(' ') >= 0) {
                    throw new SdpParseException("a= needs an attribute name: " + v);
                }
            }
            default -> {
                if (v.isEmpty() && l.type() != 's') {
                    throw new SdpParseException(l.type() + "= is empty");
                }
            }
        }
    }

    private static boolean digits(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }

    /** A decimal number in 0..max, else a parse error naming the field. */
    static int number(String s, int max, String field) throws SdpParseException {
        if (!digits(s) || s.length() > 9 || Integer.parseInt(s) > max) {
            throw new SdpParseException(field + " is not a number in 0.." + max + ": " + s);
        }
        return Integer.parseInt(s);
    }
}
