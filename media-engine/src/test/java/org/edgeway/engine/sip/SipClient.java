package org.edgeway.engine.sip;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.edgeway.engine.sip.message.SipCodec;
import org.edgeway.engine.sip.message.SipMessage;
import org.edgeway.engine.sip.message.SipParseException;

/**
 * A raw SIP peer for tests: a UDP socket or a TCP connection (optionally a given socket, e.g. TLS) on loopback,
 * sending text (LF turned into CRLF, "PORT" replaced by its own port) and reading messages back with a timeout.
 * Public in the test jar: the ear's integration tests talk to deployed nodes with it.
 */
public final class SipClient implements AutoCloseable {

    private final SipCodec codec = new SipCodec(SipCodec.Limits.DEFAULT);
    private final DatagramSocket udp;
    private final Socket stream;
    private final InetSocketAddress server;
    private byte[] pending = new byte[0];

    private SipClient(DatagramSocket udp, Socket stream, InetSocketAddress server) {
        this.udp = udp;
        this.stream = stream;
        this.server = server;
    }

    public static SipClient udp(int serverPort) throws IOException {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                SipTestSupport.freePort()));
        s.setSoTimeout(5_000);
        return new SipClient(s, null, new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort));
    }

    public static SipClient tcp(int serverPort) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort), 5_000);
        return over(s);
    }

    public static SipClient over(Socket s) throws IOException {
        s.setSoTimeout(5_000);
        return new SipClient(null, s, (InetSocketAddress) s.getRemoteSocketAddress());
    }

    public int localPort() {
        return udp != null ? udp.getLocalPort() : stream.getLocalPort();
    }

    public String transport() {
        return udp != null ? "UDP" : "TCP";
    }

    /** Sends text with "\n" as CRLF; "PORT" and "TRANSPORT" become this client's port and transport. */
    public void sendText(String text) throws IOException {
        send(text.replace("PORT", String.valueOf(localPort())).replace("TRANSPORT", transport())
                .replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    public void send(byte[] data) throws IOException {
        if (udp != null) {
            udp.send(new DatagramPacket(data, data.length, server));
        } else {
            OutputStream out = stream.getOutputStream();
            out.write(data);
            out.flush();
        }
    }

    /** The next message, or null if none arrives within the timeout (or the connection closed). */
    public SipMessage receive() throws IOException, SipParseException {
        if (udp != null) {
            byte[] datagram = datagram();
            return datagram == null ? null : codec.decode(datagram);
        }
        InputStream in = stream.getInputStream();
        while (true) {
            int length = codec.frameLength(pending, 0, pending.length);
            if (length > 0) {
                SipMessage m = codec.decode(pending, 0, length, false);
                pending = Arrays.copyOfRange(pending, length, pending.length);
                return m;
            }
            byte[] buf = new byte[8_192];
            int n;
            try {
                n = in.read(buf);
            } catch (SocketTimeoutException e) {
                return null;
            } catch (IOException e) {
                return null; // reset by the server
            }
            if (n < 0) {
                return null;
            }
            pending = Arrays.copyOf(pending, pending.length + n);
            System.arraycopy(buf, 0, pending, pending.length - n, n);
        }
    }

    /**
     * The next message as text, without parsing it (answers to malformed requests echo their malformed headers),
     * or null.
     */
    public String receiveText() throws IOException {
        if (udp != null) {
            byte[] datagram = datagram();
            return datagram == null ? null : new String(datagram, StandardCharsets.ISO_8859_1);
        }
        InputStream in = stream.getInputStream();
        StringBuilder b = new StringBuilder();
        byte[] buf = new byte[8_192];
        while (b.indexOf("\r\n\r\n") < 0) {
            int n;
            try {
                n = in.read(buf);
            } catch (IOException e) {
                return b.length() == 0 ? null : b.toString();
            }
            if (n < 0) {
                return b.length() == 0 ? null : b.toString();
            }
            b.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
        }
        return b.toString();
    }

    private byte[] datagram() throws IOException {
        byte[] buf = new byte[65_535];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        try {
            udp.receive(p);
        } catch (SocketTimeoutException e) {
            return null;
        }
        return Arrays.copyOf(buf, p.getLength());
    }

    /** The next final response (provisional ones skipped), or null. */
    public SipMessage finalResponse() throws IOException, SipParseException {
        while (true) {
            SipMessage m = receive();
            if (m == null || !m.isRequest() && m.status() >= 200) {
                return m;
            }
        }
    }

    /** Raw bytes from a stream (the keep-alive pong). */
    public byte[] readRaw(int count) throws IOException {
        byte[] b = stream.getInputStream().readNBytes(count);
        return b;
    }

    /** Whether the server closed the stream (read returns end of stream or a reset within the timeout). */
    public boolean closedByServer() throws IOException {
        try {
            return stream.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        if (udp != null) {
            udp.close();
        } else {
            stream.close();
        }
    }
}
