package org.edgeway.engine.sip.auth;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a SIP client computes for a digest challenge (RFC 2617 3.2.2 with qop=auth, RFC 8760 algorithms). */
public final class DigestClient {

    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");

    private DigestClient() {
    }

    public static String authorization(DigestAlgorithm a, String user, String password, String realm, String nonce,
            String method, String uri) {
        String ha1 = a.hash(user + ":" + realm + ":" + password);
        String ha2 = a.hash(method + ":" + uri);
        String response = a.hash(ha1 + ":" + nonce + ":00000001:c0ffee:auth:" + ha2);
        return "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", response=\"" + response + "\", algorithm=" + a.token()
                + ", qop=auth, nc=00000001, cnonce=\"c0ffee\"";
    }

    /** The nonce of a challenge. */
    public static String nonce(String challenge) {
        Matcher m = NONCE.matcher(challenge);
        if (!m.find()) {
            throw new AssertionError("no nonce in " + challenge);
        }
        return m.group(1);
    }
}
