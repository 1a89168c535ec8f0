package org.edgeway.engine.sip.message;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The torture messages of RFC 4475 sections 3.1.1 (valid) and 3.1.2 (invalid), as test resources
 * ({@code sip/rfc4475/{valid,invalid}/NAME.dat}, named as in the RFC's archive): the one list of them, for the
 * codec's tests, the listeners' tests and the replay at a deployed node (test jar).
 */
public final class Rfc4475Messages {

    /** Valid messages (3.1.1); {@link #VALID_RESPONSES} among them are responses. */
    public static final List<String> VALID = List.of("wsinv", "intmeth", "esc01", "escnull", "esc02", "lwsdisp",
            "longreq", "dblreq", "semiuri", "transports", "mpart01", "unreason", "noreason");
    public static final List<String> VALID_RESPONSES = List.of("unreason", "noreason");
    /** Invalid requests that can be answered: 400. */
    public static final List<String> INVALID_REQUESTS = List.of("badinv01", "clerr", "ncl", "scalar02", "quotbal",
            "ltgtruri", "lwsruri", "lwsstart", "trws", "escruri", "baddate", "regbadct", "badaspec", "baddn",
            "mismatch01", "mismatch02");
    /** A request of an unknown SIP version: 505. */
    public static final String BAD_VERSION = "badvers";
    /** Invalid responses: dropped (nothing can answer a response). */
    public static final List<String> INVALID_RESPONSES = List.of("scalarlg", "bigcode");

    private Rfc4475Messages() {
    }

    /** A valid message's octets. */
    public static byte[] valid(String name) {
        return load("valid", name);
    }

    /** An invalid message's octets. */
    public static byte[] invalid(String name) {
        return load("invalid", name);
    }

    private static byte[] load(String kind, String name) {
        try (InputStream in = Rfc4475Messages.class.getResourceAsStream("/sip/rfc4475/" + kind + "/" + name
                + ".dat")) {
            if (in == null) {
                throw new IllegalArgumentException("no RFC 4475 message " + kind + "/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
