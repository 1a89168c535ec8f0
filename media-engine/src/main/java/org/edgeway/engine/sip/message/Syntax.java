package org.edgeway.engine.sip.message;

/** Character classes of the RFC 3261 grammar (section 25.1), shared by the parsers of this package. */
final class Syntax {

    private static final String TOKEN_MARKS = "-.!%*_+`'~";

    private Syntax() {
    }

    static boolean isTokenChar(char c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || TOKEN_MARKS.indexOf(c) >= 0);
    }

    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTokenChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isScheme(String s) {
        if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || !(Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    /** hostname or IPv4address (IPv6 references are checked by their brackets). */
    static boolean isHostName(String s) {
        if (s.isEmpty() || s.length() > 255) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || !(Character.isLetterOrDigit(c) || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    /** Whether a host (name, IPv4 or '[') starts at {@code i}. */
    static boolean isHostStart(String s, int i) {
        return i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '[');
    }

    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t';
    }

    /** A value cut for an error message (inputs can be long or binary). */
    static String shorten(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && i < 60; i++) {
            char c = s.charAt(i);
            b.append(c < ' ' || c >= 0x7f ? '?' : c);
        }
        return s.length() > 60 ? b + "..." : b.toString();
    }
}
