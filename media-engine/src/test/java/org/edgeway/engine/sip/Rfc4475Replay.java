package org.edgeway.engine.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.edgeway.engine.sip.message.Rfc4475Messages;
import org.edgeway.engine.sip.message.SipMessage;

/**
 * What a SIP node must do with the RFC 4475 messages on a stream listener (TCP), one connection per message: the
 * engine's listener test and the replay at a deployed node (test jar) both check it here.
 */
public final class Rfc4475Replay {

    private static final Pattern CALL_ID = Pattern.compile("(?im)^(?:call-id|i)[ \\t]*:[ \\t]*(\\S+)");

    private Rfc4475Replay() {
    }

    /**
     * Every invalid request answered 400 on its connection, except clerr (RFC 4475 3.1.2.2: on a stream the missing
     * body octets may still come, so no answer yet) and ncl (a negative Content-Length breaks the framing: closed).
     */
    public static void invalidRequestsOverStream(int port) throws Exception {
        for (String name : Rfc4475Messages.INVALID_REQUESTS) {
            try (SipClient client = SipClient.tcp(port)) {
                client.send(Rfc4475Messages.invalid(name));
                if (name.equals("clerr")) {
                    assertNull(client.receiveText(), name);
                    continue;
                }
                if (name.equals("ncl")) {
                    assertTrue(client.closedByServer(), "a negative Content-Length breaks the framing");
                    continue;
                }
                String answer = client.receiveText();
                assertNotNull(answer, name + " got no answer");
                assertTrue(answer.startsWith("SIP/2.0 400 "), name + ": " + answer);
            }
        }
    }

    /** Each valid request gets the final status {@code expected} names (matched by its Call-ID) on its connection. */
    public static void validRequestsOverStream(int port, Map<String, Integer> expected) throws Exception {
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            byte[] message = Rfc4475Messages.valid(e.getKey());
            String callId = callId(new String(message, StandardCharsets.ISO_8859_1));
            try (SipClient client = SipClient.tcp(port)) {
                client.send(message);
                SipMessage answer = client.finalResponse();
                while (answer != null && !answer.callId().equals(callId)) {
                    answer = client.finalResponse(); // dblreq: the second request in the octets answers too
                }
                assertNotNull(answer, e.getKey() + " got no answer");
                assertEquals((int) e.getValue(), answer.status(), e.getKey() + ": " + answer);
            }
        }
    }

    /** The Call-ID of a message's text (long or compact form), or null. */
    public static String callId(String message) {
        Matcher m = CALL_ID.matcher(message);
        return m.find() ? m.group(1) : null;
    }
}
