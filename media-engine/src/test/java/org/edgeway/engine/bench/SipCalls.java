package org.edgeway.engine.bench;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.edgeway.engine.sip.message.SipCodec;
import org.edgeway.engine.sip.message.SipMessage;
import org.edgeway.engine.sip.message.SipParseException;

/**
 * Calls set up through a SIP proxy or B2BUA over UDP, as two phones would: a caller (INVITE with its offer, ACK, BYE)
 * and a callee behind the last node that answers every INVITE with 200 and an answer for the next callee port. Calls
 * are set up one at a time, so the callee takes the INVITEs in the caller's order.
 */
final class SipCalls implements RtpLoad.Calls {

    private static final Pattern URI = Pattern.compile("<([^>]*)>");
    private static final int TRIES = 16;

    private final SipCodec codec = new SipCodec(SipCodec.Limits.DEFAULT);
    private final InetSocketAddress proxy;
    private final String callee;
    private final DatagramSocket uac;
    private final DatagramSocket uas;
    private final Thread answering;
    private final Map<Integer, Dialog> dialogs = new ConcurrentHashMap<>();
    /** Per callee-side Call-ID: the call index it was given and the 200 it was answered with. */
    private final Map<String, byte[]> answers = new ConcurrentHashMap<>();
    private final Map<Integer, InetSocketAddress> calleeRemotes = new ConcurrentHashMap<>();
    private volatile int pendingCall;
    private volatile int pendingCalleePort;

    /** The caller's dialog after the 2xx: what in-dialog requests need. */
    private record Dialog(String callId, String from, String to, String target, List<String> routes) {
    }

    SipCalls(InetSocketAddress proxy, String callee, int uasPort, int uacPort) throws IOException {
        this.proxy = proxy;
        this.callee = callee;
        this.uac = new DatagramSocket(new InetSocketAddress("127.0.0.1", uacPort));
        this.uac.setSoTimeout(500);
        this.uas = new DatagramSocket(new InetSocketAddress("127.0.0.1", uasPort));
        this.answering = new Thread(this::answer, "sip-uas");
        answering.setDaemon(true);
        answering.start();
    }

    @Override
    public InetSocketAddress[] setUp(int call, int callerPort, int calleePort) throws IOException {
        pendingCall = call;
        pendingCalleePort = calleePort;
        String callId = "rtpload-" + call + "-" + UUID.randomUUID();
        String from = "<sip:caller@127.0.0.1>;tag=uac" + call;
        String body = Sdp.audio(2L * call + 1, callerPort);
        String invite = "INVITE sip:" + callee + " SIP/2.0\r\n" + via() + "Max-Forwards: 70\r\nFrom: " + from
                + "\r\nTo: <sip:" + callee + ">\r\nCall-ID: " + callId + "\r\nCSeq: 1 INVITE\r\n"
                + "Contact: <sip:caller@127.0.0.1:" + uac.getLocalPort() + ">\r\n"
                + "Content-Type: application/sdp\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
        SipMessage ok = transaction(invite, callId, "INVITE");
        if (ok.status() / 100 != 2) {
            throw new IOException("INVITE answered " + ok.status() + " " + ok.reason());
        }
        List<String> routes = new ArrayList<>();
        for (String rr : ok.headers("Record-Route")) {
            Matcher m = URI.matcher(rr);
            while (m.find()) {
                routes.add("<" + m.group(1) + ">");
            }
        }
        Collections.reverse(routes);
        Matcher contact = URI.matcher(ok.header("Contact"));
        String target = contact.find() ? contact.group(1) : "sip:" + callee;
        Dialog d = new Dialog(callId, from, ok.header("To"), target, routes);
        dialogs.put(call, d);
        send(inDialog(d, "ACK", 1, ""));
        InetSocketAddress calleeRemote = calleeRemotes.get(call);
        if (calleeRemote == null) {
            throw new IOException("the callee did not get call " + call);
        }
        return new InetSocketAddress[] {Sdp.receiver(new String(ok.body(), StandardCharsets.UTF_8)), calleeRemote};
    }

    @Override
    public void tearDown(int call) throws IOException {
        Dialog d = dialogs.remove(call);
        if (d != null) {
            transaction(inDialog(d, "BYE", 2, ""), d.callId(), "BYE");
        }
    }

    private String inDialog(Dialog d, String method, int cseq, String extra) {
        StringBuilder b = new StringBuilder(method + " " + d.target() + " SIP/2.0\r\n" + via()
                + "Max-Forwards: 70\r\nFrom: " + d.from() + "\r\nTo: " + d.to() + "\r\nCall-ID: " + d.callId()
                + "\r\nCSeq: " + cseq + " " + method + "\r\n");
        for (String r : d.routes()) {
            b.append("Route: ").append(r).append("\r\n");
        }
        return b.append(extra).append("Content-Length: 0\r\n\r\n").toString();
    }

    private String via() {
        return "Via: SIP/2.0/UDP 127.0.0.1:" + uac.getLocalPort() + ";rport;branch=z9hG4bK" + UUID.randomUUID()
                + "\r\n";
    }

    /** Sends a request (again every 500 ms) until its final response; provisional responses are skipped. */
    private SipMessage transaction(String request, String callId, String method) throws IOException {
        byte[] buf = new byte[65_535];
        for (int i = 0; i < TRIES; i++) {
            send(request);
            long until = System.nanoTime() + 500_000_000L;
            while (System.nanoTime() < until) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    uac.receive(p);
                } catch (SocketTimeoutException e) {
                    break;
                }
                SipMessage m;
                try {
                    m = codec.decode(p.getData(), 0, p.getLength(), true);
                } catch (SipParseException e) {
                    continue;
                }
                if (!m.isRequest() && m.status() >= 200 && callId.equals(m.callId())
                        && method.equals(m.cseq().method())) {
                    return m;
                }
            }
        }
        throw new IOException(method + " " + callId + ": no final response");
    }

    private void send(String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        uac.send(new DatagramPacket(b, b.length, proxy));
    }

    /** The callee: 200 with an answer to each INVITE (the same 200 again to a retransmission), 200 to BYE. */
    private void answer() {
        byte[] buf = new byte[65_535];
        while (!uas.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                uas.receive(p);
                SipMessage m = codec.decode(p.getData(), 0, p.getLength(), true);
                if (!m.isRequest() || m.method().equals("ACK")) {
                    continue;
                }
                byte[] reply;
                if (m.method().equals("INVITE")) {
                    reply = answers.computeIfAbsent(m.callId(), id -> ok(m, true));
                } else {
                    reply = ok(m, false);
                }
                uas.send(new DatagramPacket(reply, reply.length, p.getSocketAddress()));
            } catch (IOException e) {
                if (!uas.isClosed()) {
                    System.out.println("# callee: " + e.getMessage());
                }
            } catch (SipParseException e) {
                System.out.println("# callee: unreadable message: " + e.getMessage());
            }
        }
    }

    private byte[] ok(SipMessage request, boolean invite) {
        StringBuilder b = new StringBuilder("SIP/2.0 200 OK\r\n");
        for (String v : request.headers("Via")) {
            b.append("Via: ").append(v).append("\r\n");
        }
        String to = request.header("To");
        b.append("From: ").append(request.header("From")).append("\r\nTo: ")
                .append(to.contains("tag=") ? to : to + ";tag=uas" + UUID.randomUUID().toString().substring(0, 8))
                .append("\r\nCall-ID: ").append(request.callId()).append("\r\nCSeq: ")
                .append(request.header("CSeq")).append("\r\n");
        String body = "";
        if (invite) {
            for (String rr : request.headers("Record-Route")) {
                b.append("Record-Route: ").append(rr).append("\r\n");
            }
            int call = pendingCall;
            try {
                calleeRemotes.put(call, Sdp.receiver(new String(request.body(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                System.out.println("# callee: " + e.getMessage());
            }
            body = Sdp.audio(2L * call + 2, pendingCalleePort);
            b.append("Contact: <sip:callee@127.0.0.1:").append(uas.getLocalPort())
                    .append(">\r\nContent-Type: application/sdp\r\n");
        }
        return b.append("Content-Length: ").append(body.length()).append("\r\n\r\n").append(body).toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        uac.close();
        uas.close();
    }
}
