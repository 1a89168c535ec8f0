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
final class StunProbe implements AutoCloseable {

    static final int ALLOCATE = 0x0003;
    static final int MAGIC = 0x2112A442;
    static final int REQUESTED_TRANSPORT = 0x0019;
    static final int USERNAME = 0x0006;
    static final int REALM = 0x0014;
    static final int NONCE = 0x0015;
    static final int MESSAGE_INTEGRITY = 0x0008;
    static final int ERROR_CODE = 0x0009;
    static final int XOR_RELAYED_ADDRESS = 0x0016;

    private final DatagramSocket socket;
    private final InetAddress server;
    private final int port;

    StunProbe(int port) throws Exception {
        this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        this.socket.setSoTimeout(3000);
        this.server = InetAddress.getLoopbackAddress();
        this.port = port;
    }

    /** A decoded response: message type and attributes by type (values as raw bytes). */
    record Response(int type, Map<Integer, byte[]> attributes) {
        int errorCode() {
            byte[] e = attributes.get(ERROR_CODE);
            return e == null ? 0 : (e[2] & 0x07) * 100 + (e[3] & 0xff);
        }

        String text(int attribute) {
            byte[] v = attributes.get(attribute);
            return v == null ? null : new String(v, StandardCharsets.UTF_8);
        }

        boolean isSuccess() {
            return (type & 0x0110) == 0x0100;
        }
    }

    Response allocateWithoutCredentials() throws Exception {
        return exchange(message(null, null, null, null));
    }

    Response allocate(String user, String password, String realm, String nonce) throws Exception {
        return exchange(message(user, password, realm, nonce));
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

    private Response exchange(byte[] request) throws Exception {
        socket.send(new DatagramPacket(request, request.length, server, port));
        byte[] buf = new byte[2048];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        socket.receive(p);
        ByteBuffer r = ByteBuffer.wrap(buf, 0, p.getLength());
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
