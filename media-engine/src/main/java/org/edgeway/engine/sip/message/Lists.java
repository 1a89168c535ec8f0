package org.edgeway.engine.sip.message;

import java.util.ArrayList;
import java.util.List;

/** Splits a header value at the commas that separate list elements (not those in quotes or angle brackets). */
final class Lists {

    private Lists() {
    }

    static List<String> split(String value) throws SipParseException {
        List<String> out = new ArrayList<>();
        boolean quoted = false;
        boolean angle = false;
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '<') {
                angle = true;
            } else if (c == '>') {
                angle = false;
            } else if (c == ',' && !angle) {
                out.add(value.substring(start, i).trim());
                start = i + 1;
            }
        }
        if (quoted) {
            throw new SipParseException("unterminated quoted string: " + Syntax.shorten(value));
        }
        out.add(value.substring(start).trim());
        return out;
    }
}
