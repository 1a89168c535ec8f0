package org.edgeway.engine.sip.auth;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Reads the auth-params of an Authorization / Proxy-Authorization value (RFC 3261 25.1 credentials). */
final class AuthParams {

    private AuthParams() {
    }

    /** The parameters of a "Digest a=b, c="d"" value, names lower case, quotes removed; null if not Digest. */
    static Map<String, String> parseDigest(String value) {
        String v = value.trim();
        if (v.length() < 7 || !v.substring(0, 6).equalsIgnoreCase("Digest") || !Character.isWhitespace(v.charAt(6))) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        int i = 7;
        int n = v.length();
        while (i < n) {
            while (i < n && (Character.isWhitespace(v.charAt(i)) || v.charAt(i) == ',')) {
                i++;
            }
            int eq = v.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = v.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            i = eq + 1;
            while (i < n && Character.isWhitespace(v.charAt(i))) {
                i++;
            }
            StringBuilder value2 = new StringBuilder();
            if (i < n && v.charAt(i) == '"') {
                i++;
                while (i < n && v.charAt(i) != '"') {
                    if (v.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    value2.append(v.charAt(i++));
                }
                i++;
            } else {
                while (i < n && v.charAt(i) != ',') {
                    value2.append(v.charAt(i++));
                }
            }
            params.put(name, value2.toString().trim());
        }
        return params;
    }
}
