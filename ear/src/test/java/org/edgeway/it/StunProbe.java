package org.edgeway.it;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A deliberately independent, minimal TURN client written from RFC 8656 / 8489 (not using the engine's codec), so
 * console tests check the wire behaviour the settings produce: Allocate without and with long-term credentials.
 */
public final class StunProbe implements AutoCloseable {

    static final int ALLOCATE = 0x0003;
    static final int MAGIC = 0x2112A442;
    static final int REQUESTED_TRANSPORT = 0x0019;
    static final int USERNAME = 0x0006;
    public static final int REALM = 0x0014;
    public static final int NONCE = 0x0015;
    static final int MESSAGE_INTEGRITY = 0x0008;
    static final int ERROR_CODE = 0x0009;
    static final int XOR_RELAYED_ADDRESS = 0x0016;
    /** RFC 8489 section 6.2.1 defaults: initial RTO, sends in all, last wait in RTOs. */
    private static final long RTO_MS = 500;
    private static final int RC = 7;
    private static final int RM = 16;

    private final DatagramSocket socket;
    private final InetAddress server;
    private final int port;

    public StunProbe(int port) throws Exception {
        this(port, InetAddress.getLoopbackAddress());
    }

    /** A probe sending from {@code local} (another 127.0.0.N, so a test's sources count apart). */
    public StunProbe(int port, InetAddress local) throws Exception {
        this.socket = new DatagramSocket(0, local);
        this.server = InetAddress.getLoopbackAddress();
        this.port = port;
    }

    /** A decoded response: message type and attributes by type (values as raw bytes). */
    public record Response(int type, Map<Integer, byte[]> attributes) {
        public int errorCode() {
            byte[] e = attributes.get(ERROR_CODE);
            return e == null ? 0 : (e[2] & 0x07) * 100 + (e[3] & 0xff);
        }

        public String text(int attribute) {
            byte[] v = attributes.get(attribute);
            return v == null ? null : new String(v, StandardCharsets.UTF_8);
        }

        public boolean isSuccess() {
            return (type & 0x0110) == 0x0100;
        }
    }

    public Response allocateWithoutCredentials() throws Exception {
        return exchange(message(null, null, null, null));
    }

    public Response allocate(String user, String password, String realm, String nonce) throws Exception {
        return exchange(message(user, password, realm, nonce));
    }

    /**
     * One Allocate (without credentials when {@code user} is null), sent once: the answer, or null if none came
     * within {@code waitMs}.
     */
    public Response allocateOnce(String user, String password, String realm, String nonce, long waitMs)
            throws Exception {
        byte[] request = message(user, password, realm, nonce);
        socket.send(new DatagramPacket(request, request.length, server, port));
        return awaitResponse(java.util.Arrays.copyOfRange(request, 8, 20), waitMs);
    }

    private byte[] message(String user, String password, String realm, String nonce) throws Exception {
        ByteBuffer attrs = ByteBuffer.allocate(512);
        attribute(attrs, REQUESTED_TRANSPORT, new byte[] {17, 0, 0, 0});
        if (user != null) {
            attribute(attrs, USERNAME, user.getBytes(StandardCharsets.UTF_8));
            attribute(attrs, REALM, realm.getBytes(StandardCharsets.UTF_8));
            attribute(attrs, NONCE, nonce.getBytes(StandardCharsets.UTF_8));
        }
        int integrityLength = user == null ? 0 : 24;
        byte[] tid = new byte[12];
        new SecureRandom().nextBytes(tid);
        ByteBuffer m = ByteBuffer.allocate(20 + attrs.position() + integrityLength);
        m.putShort((short) ALLOCATE).putShort((short) (attrs.position() + integrityLength)).putInt(MAGIC).put(tid);
        m.put(attrs.array(), 0, attrs.position());
        if (user != null) {
            // RFC 8489 9.2.2: key = MD5(username ":" realm ":" password); HMAC over the message up to MI
            byte[] key = MessageDigest.getInstance("MD5")
                    .digest((user + ":" + realm + ":" + password).getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            mac.update(m.array(), 0, m.position());
            m.putShort((short) MESSAGE_INTEGRITY).putShort((short) 20).put(mac.doFinal());
        }
        return m.array();
    }

    private static void attribute(ByteBuffer b, int type, byte[] value) {
        b.putShort((short) type).putShort((short) value.length).put(value);
        while (b.position() % 4 != 0) {
            b.put((byte) 0);
        }
    }

    /**
     * Sends the request and returns the response with its transaction id, retransmitting as RFC 8489 section 6.2.1
     * says for UDP: RTO 500 ms doubling, Rc = 7 sends, then Rm x RTO (8 s) for the last. Other datagrams (a late
     * answer to an earlier request) are skipped.
     */
    private Response exchange(byte[] request) throws Exception {
        byte[] tid = java.util.Arrays.copyOfRange(request, 8, 20);
        long rto = RTO_MS;
        for (int send = 1; send <= RC; send++) {
            socket.send(new DatagramPacket(request, request.length, server, port));
            Response response = awaitResponse(tid, send == RC ? RM * RTO_MS : rto);
            if (response != null) {
                return response;
            }
            rto *= 2;
        }
        throw new java.net.SocketTimeoutException("no response from 127.0.0.1:" + port + " after " + RC + " sends");
    }

    private Response awaitResponse(byte[] tid, long timeoutMs) throws Exception {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        byte[] buf = new byte[2048];
        long left;
        while ((left = (deadline - System.nanoTime()) / 1_000_000L) > 0) {
            socket.setSoTimeout((int) left);
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (java.net.SocketTimeoutException e) {
                return null;
            }
            if (p.getLength() >= 20 && java.util.Arrays.equals(buf, 8, 20, tid, 0, 12)) {
                return decode(ByteBuffer.wrap(buf, 0, p.getLength()));
            }
        }
        return null;
    }

    private static Response decode(ByteBuffer r) {
        int type = r.getShort() & 0xffff;
        int length = r.getShort() & 0xffff;
        r.position(20);
        Map<Integer, byte[]> attributes = new HashMap<>();
        while (r.position() < 20 + length) {
            int t = r.getShort() & 0xffff;
            int l = r.getShort() & 0xffff;
            byte[] v = new byte[l];
            r.get(v);
            r.position(r.position() + (4 - l % 4) % 4);
            attributes.putIfAbsent(t, v);
        }
        return new Response(type, attributes);
    }

    @Override
    public void close() {
        socket.close();
    }
}
