package org.edgeway.engine.sip.auth;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A test client's digest answers (qop=auth, nc 1) and the nonce of a challenge. */
public final class DigestClient {

    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");

    private DigestClient() {
    }

    public static String authorization(DigestAlgorithm a, String user, String password, String realm, String nonce,
            String method, String uri) {
        return DigestResponse.answer(a, user, password, realm, nonce, method, uri, true, 1, "c0ffee");
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
