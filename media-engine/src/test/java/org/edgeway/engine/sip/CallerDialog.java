package org.edgeway.engine.sip;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.edgeway.engine.sip.message.HeaderNames;
import org.edgeway.engine.sip.message.NameAddr;
import org.edgeway.engine.sip.message.SipMessage;

/** The caller's side of the dialog: its requests over its TLS connection, the route set and target it learnt. */
final class CallerDialog {
    private final SipClient client;
    private final String callId = "ice-" + UUID.randomUUID();
    private int cseq;
    private String toTag;
    private List<String> routes = List.of();
    String remoteTarget;

    CallerDialog(SipClient client) {
        this.client = client;
    }

    void send(String method, String uri, String sdp) throws IOException {
        send(method, uri, method.equals("ACK") ? cseq : ++cseq, sdp);
    }

    private void send(String method, String uri, int number, String sdp) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append(method).append(' ').append(uri).append(" SIP/2.0\r\n")
                .append("Via: SIP/2.0/TLS 127.0.0.1:").append(client.localPort()).append(";branch=z9hG4bK-")
                .append(UUID.randomUUID()).append(";rport\r\n");
        for (String r : routes) {
            b.append("Route: ").append(r).append("\r\n");
        }
        b.append("From: <sip:alice@example.com>;tag=alice1\r\n")
                .append("To: <sip:bob@example.com>").append(toTag == null ? "" : ";tag=" + toTag).append("\r\n")
                .append("Call-ID: ").append(callId).append("\r\n")
                .append("CSeq: ").append(number).append(' ').append(method).append("\r\n")
                .append("Contact: <sip:alice@127.0.0.1:").append(client.localPort()).append(";transport=tls>\r\n")
                .append("Max-Forwards: 70\r\n");
        byte[] body = sdp == null ? new byte[0] : sdp.getBytes(StandardCharsets.UTF_8);
        if (sdp != null) {
            b.append("Content-Type: application/sdp\r\n");
        }
        b.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        byte[] head = b.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + body.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        client.send(out);
    }

    SipMessage finalResponse() throws Exception {
        SipMessage r = client.finalResponse();
        if (r == null) {
            throw new AssertionError("no final response from E");
        }
        return r;
    }

    /** ACK of a 2xx (RFC 3261 13.2.2.4): the dialog's target and route set from the first 2xx. */
    void ack(SipMessage ok) throws IOException {
        if (toTag == null) {
            toTag = ok.to().tag();
            remoteTarget = ok.nameAddrs(HeaderNames.CONTACT).get(0).uri().toString();
            List<String> rr = new ArrayList<>(ok.nameAddrs(HeaderNames.RECORD_ROUTE).stream()
                    .map(NameAddr::toString).toList());
            java.util.Collections.reverse(rr);
            routes = rr;
        }
        send("ACK", remoteTarget, null);
    }
}
