package org.edgeway.it.sip;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.edgeway.engine.TestPorts;
import org.edgeway.engine.sip.Rfc4475Replay;

/**
 * A SIP client transaction over UDP for raw (possibly malformed) requests: sends the octets as they are and
 * retransmits them like RFC 3261 Timer A/E (T1, doubling, non-INVITE capped at T2) until a final response whose
 * Call-ID (and top Via branch, where both have one) match arrives, or Timer B/F (64*T1) ends it. Every datagram that
 * matched no request is kept, so a test can show that something was NOT answered.
 */
final class UdpProbe implements AutoCloseable {

    static final long T1 = 500;
    static final long T2 = 4_000;
    private static final Pattern BRANCH = Pattern.compile("(?im)^(?:via|v)[ \\t]*:[^\\r\\n]*?;[ \\t]*branch[ \\t]*=[ \\t]*"
            + "([^;,\\s]+)");

    private final DatagramSocket socket;
    private final InetSocketAddress server;
    private final List<String> unmatched = new ArrayList<>();

    UdpProbe(int serverPort) throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), TestPorts.port()));
        server = new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort);
    }

    int localPort() {
        return socket.getLocalPort();
    }

    /** The final response to {@code request} as text; fails if none arrives within 64*T1. */
    String request(byte[] request) throws IOException {
        String text = new String(request, StandardCharsets.ISO_8859_1);
        String callId = Rfc4475Replay.callId(text);
        String branch = first(BRANCH, text);
        boolean invite = text.startsWith("INVITE ");
        long start = System.currentTimeMillis();
        long interval = T1;
        long nextSend = start;
        boolean provisional = false;
        while (System.currentTimeMillis() - start < 64 * T1) {
            long now = System.currentTimeMillis();
            if (now >= nextSend && !(invite && provisional)) {
                send(request);
                nextSend = now + interval;
                interval = invite ? interval * 2 : Math.min(interval * 2, T2);
            }
            long end = start + 64 * T1;
            long until = invite && provisional ? end : Math.min(nextSend, end);
            String answer = receive(until - System.currentTimeMillis());
            if (answer == null) {
                continue;
            }
            if (!matches(answer, callId, branch)) {
                unmatched.add(answer);
                continue;
            }
            if (answer.startsWith("SIP/2.0 1")) {
                provisional = true; // Timer A stops once the transaction is proceeding
                continue;
            }
            return answer;
        }
        throw new AssertionError("no final response within 64*T1 (Call-ID " + callId + ")");
    }

    /** Sends once (a response: nothing answers it). */
    void send(byte[] message) throws IOException {
        socket.send(new DatagramPacket(message, message.length, server));
    }

    /** Datagrams received so far that answered none of this probe's requests. */
    List<String> unmatched() {
        return List.copyOf(unmatched);
    }

    private static boolean matches(String answer, String callId, String branch) {
        if (callId == null || !callId.equals(Rfc4475Replay.callId(answer))) {
            return false;
        }
        String answered = first(BRANCH, answer);
        return branch == null || answered == null || branch.equals(answered);
    }

    private String receive(long timeoutMillis) throws IOException {
        byte[] buf = new byte[65_535];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        socket.setSoTimeout((int) Math.max(1, timeoutMillis));
        try {
            socket.receive(p);
        } catch (SocketTimeoutException e) {
            return null;
        }
        return new String(buf, 0, p.getLength(), StandardCharsets.ISO_8859_1);
    }

    private static String first(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    @Override
    public void close() {
        socket.close();
    }
}
