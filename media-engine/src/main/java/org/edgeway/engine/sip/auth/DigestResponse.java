package org.edgeway.engine.sip.auth;

import java.util.List;
import java.util.Map;

/**
 * The client side of digest: answers a challenge (the first WWW-Authenticate / Proxy-Authenticate whose algorithm
 * is known, RFC 8760 2.4) with qop=auth when offered. Used by a traversal client authenticating to its server.
 */
public final class DigestResponse {

    private DigestResponse() {
    }

    /** The Authorization value for {@code method uri}, or null if no challenge uses a known algorithm. */
    public static String answer(List<String> challenges, String user, String password, String method, String uri,
            int nonceCount, String cnonce) {
        for (String challenge : challenges) {
            Map<String, String> p = AuthParams.parseDigest(challenge);
            if (p == null) {
                continue;
            }
            DigestAlgorithm a = DigestAlgorithm.of(p.get("algorithm"));
            if (a == null) {
                continue;
            }
            return answer(a, user, password, p.get("realm"), p.get("nonce"), method, uri,
                    p.getOrDefault("qop", "").contains("auth"), nonceCount, cnonce);
        }
        return null;
    }

    /** The nonce of the first digest challenge, or null. */
    public static String nonce(List<String> challenges) {
        for (String challenge : challenges) {
            Map<String, String> p = AuthParams.parseDigest(challenge);
            if (p != null) {
                return p.get("nonce");
            }
        }
        return null;
    }

    public static String answer(DigestAlgorithm a, String user, String password, String realm, String nonce,
            String method, String uri, boolean qopAuth, int nonceCount, String cnonce) {
        String ha1 = a.hash(user + ":" + realm + ":" + password);
        String ha2 = a.hash(method + ":" + uri);
        String nc = String.format("%08x", nonceCount);
        String response = qopAuth ? a.hash(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2)
                : a.hash(ha1 + ":" + nonce + ":" + ha2);
        return "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", response=\"" + response + "\", algorithm=" + a.token()
                + (qopAuth ? ", qop=auth, nc=" + nc + ", cnonce=\"" + cnonce + "\"" : "");
    }
}
