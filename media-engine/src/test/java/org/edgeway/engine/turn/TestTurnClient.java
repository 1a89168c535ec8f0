package org.edgeway.engine.turn;

import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.edgeway.engine.stun.LongTermCredentials;
import org.edgeway.engine.stun.PasswordAlgorithm;
import org.edgeway.engine.stun.StunDecoder;
import org.edgeway.engine.stun.StunEncoder;
import org.edgeway.engine.stun.StunErrorCode;
import org.edgeway.engine.stun.StunMessage;
import org.edgeway.engine.stun.StunMethod;
import org.edgeway.engine.stun.attribute.NonceAttribute;
import org.edgeway.engine.stun.attribute.RealmAttribute;
import org.edgeway.engine.stun.attribute.RequestedTransportAttribute;
import org.edgeway.engine.stun.attribute.StunAttribute;
import org.edgeway.engine.stun.attribute.UsernameAttribute;

/** A minimal blocking TURN client over UDP, TCP or TLS built on our codec, for protocol tests. */
final class TestTurnClient implements AutoCloseable {

    /** RFC 8489 section 6.2.1 defaults: initial RTO, sends in all, last wait in RTOs, TCP transaction timeout. */
    private static final long RTO_MS = 500;
    private static final int RC = 7;
    private static final int RM = 16;
    private static final long TI_MS = 39_500;
    /** How long {@link #receiveRaw()} waits for traffic that is not a response to a request of ours. */
    private static final long RECEIVE_TIMEOUT_MS = 2000;

    private final DatagramSocket udp;
    private final Socket tcp;
    private final InetSocketAddress server;
    private final Deque<byte[]> other = new ArrayDeque<>();
    String username = TurnTestSupport.USER;
    String password = TurnTestSupport.PASSWORD;
    String realm;
    String nonce;

    private TestTurnClient(DatagramSocket udp, Socket tcp, InetSocketAddress server) {
        this.udp = udp;
        this.tcp = tcp;
        this.server = server;
    }

    static TestTurnClient udp(InetSocketAddress server) throws IOException {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        s.setSoTimeout(2000);
        return new TestTurnClient(s, null, server);
    }

    static TestTurnClient tcp(InetSocketAddress server) throws IOException {
        Socket s = new Socket();
        s.connect(server, 2000);
        s.setSoTimeout(2000);
        s.setTcpNoDelay(true);
        return new TestTurnClient(null, s, server);
    }

    /** TURN over TLS-over-TCP with a client that trusts any certificate (tests read the subject it got). */
    static TestTurnClient tls(InetSocketAddress server) throws Exception {
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(null, new javax.net.ssl.TrustManager[] {new TrustAll()}, null);
        javax.net.ssl.SSLSocket s = (javax.net.ssl.SSLSocket) context.getSocketFactory().createSocket();
        s.connect(server, 2000);
        s.setSoTimeout(2000);
        s.setTcpNoDelay(true);
        s.startHandshake();
        return new TestTurnClient(null, s, server);
    }

    /** Subject of the server certificate of a TLS client. */
    String peerSubject() throws IOException {
        java.security.cert.X509Certificate cert = (java.security.cert.X509Certificate)
                ((javax.net.ssl.SSLSocket) tcp).getSession().getPeerCertificates()[0];
        return cert.getSubjectX500Principal().getName();
    }

    /** Negotiated TLS protocol of a TLS client ("TLSv1.3"). */
    String tlsProtocol() {
        return ((javax.net.ssl.SSLSocket) tcp).getSession().getProtocol();
    }

    /** Test-only trust manager accepting any server certificate. */
    static final class TrustAll implements javax.net.ssl.X509TrustManager {
        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {
        }

        @Override
        public java.security.cert.X509Certificate[] getAcceptedIssuers() {
            return new java.security.cert.X509Certificate[0];
        }
    }

    InetSocketAddress localAddress() {
        return (InetSocketAddress) (udp != null ? udp.getLocalSocketAddress() : tcp.getLocalSocketAddress());
    }

    void sendRaw(byte[] bytes) throws IOException {
        if (udp != null) {
            udp.send(new DatagramPacket(bytes, bytes.length, server));
        } else {
            OutputStream out = tcp.getOutputStream();
            out.write(bytes);
            out.flush();
        }
    }

    /** The next datagram / frame, or null on timeout. */
    byte[] receiveRaw() throws IOException {
        if (!other.isEmpty()) {
            return other.poll();
        }
        return read();
    }

    private byte[] read() throws IOException {
        return read(RECEIVE_TIMEOUT_MS);
    }

    /** The next datagram / frame within {@code timeoutMs}, or null. */
    private byte[] read(long timeoutMs) throws IOException {
        int timeout = (int) Math.max(1, timeoutMs);
        try {
            if (udp != null) {
                udp.setSoTimeout(timeout);
                byte[] buf = new byte[65536];
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                udp.receive(p);
                return Arrays.copyOf(buf, p.getLength());
            }
            tcp.setSoTimeout(timeout);
            DataInputStream in = new DataInputStream(tcp.getInputStream());
            byte[] head = new byte[4];
            in.readFully(head);
            int length = ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
            int rest = (head[0] & 0xC0) == 0 ? 16 + length : (length + 3) & ~3;
            byte[] frame = Arrays.copyOf(head, 4 + rest);
            in.readFully(frame, 4, rest);
            return frame;
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    /**
     * Sends a request and returns the response with the same transaction ID (other traffic is queued), or null.
     * Over UDP as RFC 8489 section 6.2.1 says: retransmitted after RTO = 500 ms, doubling, Rc = 7 sends, then
     * Rm x RTO (8 s) for the last; over TCP and TLS sent once and awaited for Ti = 39.5 s.
     */
    StunMessage request(StunMessage request) throws Exception {
        byte[] bytes = StunEncoder.encodeToBytes(request);
        if (udp == null) {
            sendRaw(bytes);
            return awaitResponse(request, TI_MS);
        }
        long rto = RTO_MS;
        for (int send = 1; send <= RC; send++) {
            sendRaw(bytes);
            StunMessage response = awaitResponse(request, send == RC ? RM * RTO_MS : rto);
            if (response != null) {
                return response;
            }
            rto *= 2;
        }
        return null;
    }

    /** The response to {@code request} arriving within {@code timeoutMs}, or null; other traffic is queued. */
    private StunMessage awaitResponse(StunMessage request, long timeoutMs) throws Exception {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        Deque<byte[]> skipped = new ArrayDeque<>();
        try {
            long left;
            while ((left = (deadline - System.nanoTime()) / 1_000_000L) > 0) {
                byte[] bytes = read(left);
                if (bytes == null) {
                    return null;
                }
                if ((bytes[0] & 0xC0) == 0) {
                    StunMessage m = StunDecoder.decodeMessage(Unpooled.wrappedBuffer(bytes));
                    if (Arrays.equals(m.transactionId(), request.transactionId())) {
                        return m;
                    }
                }
                skipped.add(bytes);
            }
            return null;
        } finally {
            other.addAll(skipped);
        }
    }

    byte[] key() {
        return LongTermCredentials.key(PasswordAlgorithm.MD5, username, realm, password);
    }

    /** Adds USERNAME, REALM, NONCE and MESSAGE-INTEGRITY (RFC 5389 style, MD5 key). */
    StunMessage sign(StunMessage.Builder b) {
        return b.add(new UsernameAttribute(username)).add(new RealmAttribute(realm)).add(new NonceAttribute(nonce))
                .integrity(key(), StunMessage.Integrity.SHA1).fingerprint(true).build();
    }

    /** Sends an authenticated request, learning REALM/NONCE from a 401 or 438 first if needed. */
    StunMessage authenticated(int method, StunAttribute... attributes) throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            StunMessage.Builder b = StunMessage.request(method);
            for (StunAttribute a : attributes) {
                b.add(a);
            }
            StunMessage response = request(nonce == null ? b.fingerprint(true).build() : sign(b));
            if (response == null) {
                return null;
            }
            int code = response.errorCode();
            if (code == StunErrorCode.UNAUTHENTICATED && nonce == null || code == StunErrorCode.STALE_NONCE) {
                realm = response.get(RealmAttribute.class).value();
                nonce = response.get(NonceAttribute.class).value();
                continue;
            }
            return response;
        }
        throw new AssertionError("authentication did not converge");
    }

    StunMessage allocate(StunAttribute... extra) throws Exception {
        StunAttribute[] all = Arrays.copyOf(extra, extra.length + 1);
        all[extra.length] = new RequestedTransportAttribute(RequestedTransportAttribute.UDP);
        return authenticated(StunMethod.ALLOCATE, all);
    }

    @Override
    public void close() throws IOException {
        if (udp != null) {
            udp.close();
        }
        if (tcp != null) {
            tcp.close();
        }
    }
}
