package org.edgeway.engine.dns;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;

/**
 * Asks one DNS server one question: over UDP, sent again after each timeout (three tries in all), then over TCP if
 * the answer came back truncated (RFC 7766). Blocking: callers run it off the packet path.
 */
public final class DnsClient {

    private static final SecureRandom IDS = new SecureRandom();
    private static final int TRIES = 3;
    private static final int MAX_UDP = 4096;

    private final Duration timeout;

    /** @param timeout how long each try waits for an answer */
    public DnsClient(Duration timeout) {
        this.timeout = timeout;
    }

    public DnsAnswer query(InetSocketAddress server, String name, RecordType type) throws IOException {
        long start = System.nanoTime();
        int id = IDS.nextInt(0x10000);
        byte[] query = DnsCodec.query(id, name, type);
        DnsCodec.Response response = udp(server, query, id);
        String transport = "UDP";
        if (response.truncated()) {
            response = tcp(server, query, id);
            transport = "TCP";
        }
        return new DnsAnswer(server.getAddress().getHostAddress() + ":" + server.getPort(), transport,
                response.rcode(), response.answers(), Duration.ofNanos(System.nanoTime() - start));
    }

    private DnsCodec.Response udp(InetSocketAddress server, byte[] query, int id) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout((int) timeout.toMillis());
            byte[] buf = new byte[MAX_UDP];
            for (int attempt = 0; attempt < TRIES; attempt++) {
                socket.send(new DatagramPacket(query, query.length, server));
                long deadline = System.nanoTime() + timeout.toNanos();
                while (System.nanoTime() < deadline) {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    try {
                        socket.receive(p);
                    } catch (SocketTimeoutException e) {
                        break;
                    }
                    // only the server asked, with our id, counts (RFC 5452): anything else is ignored
                    if (p.getSocketAddress().equals(server) && p.getLength() >= 12) {
                        DnsCodec.Response r = DnsCodec.decode(Arrays.copyOf(buf, p.getLength()));
                        if (r.id() == id) {
                            return r;
                        }
                    }
                }
            }
        }
        throw new SocketTimeoutException("no answer from " + server.getAddress().getHostAddress() + " within "
                + TRIES + " x " + timeout.toMillis() + " ms");
    }

    private DnsCodec.Response tcp(InetSocketAddress server, byte[] query, int id) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(server, (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeShort(query.length);
            out.write(query);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] answer = new byte[in.readUnsignedShort()];
            in.readFully(answer);
            DnsCodec.Response r = DnsCodec.decode(answer);
            if (r.id() != id) {
                throw new IOException("answer over TCP for another query");
            }
            return r;
        }
    }
}
